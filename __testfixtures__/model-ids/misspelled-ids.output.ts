import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Copied from a blog post: neither ID exists on Bedrock.
const SONNET_4 = "global.anthropic.claude-sonnet-4-6";
const OPUS_46 = "us.anthropic.claude-opus-4-6-v1";

export async function ask(text: string, opus = false) {
  const res = await client.send(
    new ConverseCommand({
      modelId: opus ? OPUS_46 : SONNET_4,
      messages: [{ role: "user", content: [{ text }] }],
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? "";
}
