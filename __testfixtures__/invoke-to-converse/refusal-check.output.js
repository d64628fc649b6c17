import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function safeAnswer(question) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );
  // Converse has no "refusal" stop reason; the SDK passes unknown values through unchanged.
  if (response.stopReason === "refusal") {
    return { refused: true, text: null };
  }
  return { refused: false, text: response.output.message.content[0].text };
}
