import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

// Which model each feature uses, with the limits the app sends for it.
export const MODEL_TIERS = {
  fast: { id: "anthropic.claude-3-haiku-20240307-v1:0", maxOutputTokens: 4096 },
  smart: { id: "anthropic.claude-3-5-sonnet-20241022-v2:0", maxOutputTokens: 8192, contextWindow: 200000 },
  // A limit the new model does not accept: the choice is left with a marker.
  bulk: { id: "anthropic.claude-3-haiku-20240307-v1:0", maxOutputTokens: 100000 },
};

export type Tier = keyof typeof MODEL_TIERS;

export async function complete(tier: Tier, prompt: string): Promise<string> {
  const { id, maxOutputTokens } = MODEL_TIERS[tier];
  const response = await client.send(
    new ConverseCommand({
      modelId: id,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: maxOutputTokens },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}
