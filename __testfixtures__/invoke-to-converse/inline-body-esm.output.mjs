import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarize(text) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [{ role: "user", content: [{ text }] }],
      system: [{ text: "Summarize the user's text in two sentences." }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  return response.output.message.content[0].text.trim();
}
