import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const modelId = process.env.BEDROCK_MODEL_ID ?? "anthropic.claude-3-5-sonnet-20241022-v2:0";
const fastModelId = process.env.FAST_MODEL_ID || "anthropic.claude-3-5-haiku-20241022-v1:0";
const reviewModel = process.env.REVIEW_MODEL ? process.env.REVIEW_MODEL : "anthropic.claude-3-opus-20240229-v1:0";

const client = new BedrockRuntimeClient({});

export async function chat(messages, { fast = false } = {}) {
  const response = await client.send(
    new ConverseCommand({
      modelId: fast ? fastModelId : modelId,
      messages,
      inferenceConfig: { maxTokens: 800, temperature: 0.7, topP: 0.9 },
    }),
  );
  return response.output.message.content[0].text;
}

export async function review(diff) {
  const response = await client.send(
    new ConverseCommand({
      modelId: reviewModel,
      messages: [{ role: "user", content: [{ text: `Review this diff:\n${diff}` }] }],
    }),
  );
  return response.output.message.content[0].text;
}
