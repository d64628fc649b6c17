import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

export async function solve(puzzle: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      messages: [{ role: "user", content: [{ text: puzzle }] }],
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: {
        thinking: { type: "enabled", budget_tokens: 2000 },
        anthropic_beta: ["output-128k-2025-02-19"],
      },
    }),
  );
  const answer = response.output!.message!.content!.find((block) => block.text !== undefined);
  return { answer: answer?.text ?? "", blocks: response.output!.message!.content!.length };
}
