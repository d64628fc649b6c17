import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "eu-central-1" });

export async function translate(text, language) {
  const result = await bedrock.converse({
    modelId: "eu.anthropic.claude-sonnet-4-20250514-v1:0",
    messages: [{ role: "user", content: [{ text: `Translate into ${language}:\n${text}` }] }],
    inferenceConfig: { maxTokens: 1000, temperature: 0 },
  });

  if (result.stopReason === "content_filtered" || result.stopReason === "refusal") {
    throw new Error(
      `Claude refused the request (stop reason: ${result.stopReason}, model: eu.anthropic.claude-sonnet-4-20250514-v1:0)`,
    );
  }

  const [first] = result.output.message.content;
  return first.text;
}
