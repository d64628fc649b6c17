import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const modelId = process.env.BEDROCK_MODEL_ID ?? "global.anthropic.claude-sonnet-4-6";
const fastModelId = process.env.FAST_MODEL_ID || "global.anthropic.claude-haiku-4-5-20251001-v1:0";
const reviewModel = process.env.REVIEW_MODEL ? process.env.REVIEW_MODEL : "global.anthropic.claude-opus-4-6-v1";

const client = new BedrockRuntimeClient({});

export async function chat(messages, { fast = false } = {}) {
  const response = await client.send(
    new ConverseCommand({
      modelId: fast ? fastModelId : modelId,
      messages,
      // TODO(bedrock-claude-codemod): if Claude Sonnet 4.6 serves this request (the model is chosen at run time): it accepts temperature or topP, not both…
      // TODO(bedrock-claude-codemod): if Claude Haiku 4.5 serves this request (the model is chosen at run time): it accepts temperature or topP, not both…
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
