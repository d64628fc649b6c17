import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

export const MODELS = {
  fast: "anthropic.claude-3-5-haiku-20241022-v1:0",
  balanced: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
  smart: "us.anthropic.claude-sonnet-4-20250514-v1:0",
  deep: "anthropic.claude-3-opus-20240229-v1:0",
} as const;

export type Tier = keyof typeof MODELS;

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(tier: Tier, question: string) {
  const res = await client.send(
    new ConverseCommand({
      modelId: MODELS[tier],
      messages: [{ role: "user", content: [{ text: question }] }],
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? "";
}
