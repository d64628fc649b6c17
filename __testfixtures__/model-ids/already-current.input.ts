import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export const MODELS = {
  sonnet: "global.anthropic.claude-sonnet-4-6",
  haiku: "anthropic.claude-haiku-4-5-20251001-v1:0",
  opus: "us.anthropic.claude-opus-4-6-v1",
  opus45: "anthropic.claude-opus-4-5-20251101-v1:0",
  newest: "anthropic.claude-opus-4-7",
  arn: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-6",
  foundation: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-6-v1",
} as const;

export async function ask(text: string) {
  const res = await client.send(
    new ConverseCommand({
      modelId: MODELS.sonnet,
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 400, temperature: 0.2, topP: 0.9 },
    }),
  );
  return res.output?.message?.content?.[0]?.text;
}

export async function raw(text: string) {
  return client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
      body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: text }] }),
    }),
  );
}
