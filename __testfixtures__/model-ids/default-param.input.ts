import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarize(
  text: string,
  modelId = "anthropic.claude-3-sonnet-20240229-v1:0",
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

export const extractKeywords = async (text: string, { model = "anthropic.claude-instant-v1" } = {}) => {
  const out = await client.send(
    new ConverseCommand({
      modelId: model,
      messages: [{ role: "user", content: [{ text: `Keywords for:\n${text}` }] }],
    }),
  );
  return out.output?.message?.content?.[0]?.text?.split(",") ?? [];
};
