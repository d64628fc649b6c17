import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

// Data must stay in the US: base IDs go through the us. profile.
const client = new BedrockRuntimeClient({ region: "us-east-2" });

const SUPPORT_MODEL = "us.anthropic.claude-sonnet-4-6";
const TRIAGE_MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

export async function support(text: string, triage = false) {
  const res = await client.send(
    new ConverseCommand({
      modelId: triage ? TRIAGE_MODEL : SUPPORT_MODEL,
      messages: [{ role: "user", content: [{ text }] }],
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? "";
}
