import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const WRITER = "anthropic.claude-3-5-sonnet-20240620-v1:0";
const EDITOR = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
const REVIEWER = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
const TAGGER = "anthropic.claude-3-haiku-20240307-v1:0";

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
