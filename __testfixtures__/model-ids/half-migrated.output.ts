import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// The chat path was migrated last sprint; the batch path was not.
export const CHAT_MODEL = "global.anthropic.claude-sonnet-4-6";
export const BATCH_MODEL = "global.anthropic.claude-sonnet-4-6";

export const SELECTABLE = [
  "global.anthropic.claude-sonnet-4-6",
  "global.anthropic.claude-haiku-4-5-20251001-v1:0",
];

export async function chat(text: string, batch = false) {
  const res = await client.send(
    new ConverseCommand({
      modelId: batch ? BATCH_MODEL : CHAT_MODEL,
      messages: [{ role: "user", content: [{ text }] }],
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? "";
}
