import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarize(
  text: string,
  modelId = "global.anthropic.claude-sonnet-4-6",
  maxTokens = 512,
): Promise<string> {
  const out = await client.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: "user", content: [{ text: `Summarize:\n${text}` }] }],
      inferenceConfig: { maxTokens },
    }),
  );
  const first = out.output?.message?.content?.[0];
  return first?.text ?? "";
}

export const extractKeywords = async (text: string, { model = "global.anthropic.claude-haiku-4-5-20251001-v1:0" } = {}) => {
  const out = await client.send(
    new ConverseCommand({
      modelId: model,
      messages: [{ role: "user", content: [{ text: `Keywords for:\n${text}` }] }],
    }),
  );
  return out.output?.message?.content?.[0]?.text?.split(",") ?? [];
};
