import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

export async function solve(puzzle: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 4000,
        thinking: { type: "enabled", budget_tokens: 2000 },
        anthropic_beta: ["output-128k-2025-02-19"],
        messages: [{ role: "user", content: puzzle }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  const answer = result.content.find((block: any) => block.type === "text");
  return { answer: answer?.text ?? "", blocks: result.content.length };
}
