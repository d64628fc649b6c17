import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

export const MODELS = {
  fast: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
  balanced: "us.anthropic.claude-sonnet-4-6",
  smart: "us.anthropic.claude-sonnet-4-6",
  deep: "global.anthropic.claude-opus-4-6-v1",
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
