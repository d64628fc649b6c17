import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const WRITER = "global.anthropic.claude-sonnet-4-20250514-v1:0";
const EDITOR = "us.anthropic.claude-sonnet-4-20250514-v1:0";
const REVIEWER = "us.anthropic.claude-sonnet-4-6";
const TAGGER = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

export async function pipeline(brief: string) {
  const steps = [WRITER, EDITOR, REVIEWER, TAGGER];
  let text = brief;
  for (const modelId of steps) {
    const res = await client.send(
      new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text }] }] }),
    );
    text = res.output?.message?.content?.[0]?.text ?? text;
  }
  return text;
}
