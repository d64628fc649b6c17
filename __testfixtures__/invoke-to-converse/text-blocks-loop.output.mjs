import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function longAnswer(prompt) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 2000 },
    }),
  );
  let text = "";
  for (const block of response.output.message.content) {
    if (block.text !== undefined) {
      text += block.text;
    }
  }
  const { inputTokens: input_tokens, outputTokens: output_tokens } = response.usage;
  return { text, cost: input_tokens * 3 + output_tokens * 15 };
}
