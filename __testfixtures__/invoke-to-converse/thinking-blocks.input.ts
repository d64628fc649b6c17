import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function reason(question: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 3000,
        thinking: { type: "enabled", budget_tokens: 1024 },
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  let thoughts = "";
  let answer = "";
  for (const block of message.content) {
    if (block.type === "thinking") thoughts += block.thinking;
    else if (block.type === "text") answer += block.text;
  }
  return { thoughts, answer, outputTokens: message.usage.output_tokens };
}
