import { AnthropicBedrockMantle } from "@anthropic-ai/bedrock-sdk";

// Claude in Amazon Bedrock (bedrock-mantle): its own model names, no inference profiles.
const client = new AnthropicBedrockMantle({ awsRegion: "us-east-1" });

export async function reply(text) {
  const message = await client.messages.create({
    model: "claude-opus-4-7",
    max_tokens: 1024,
    messages: [{ role: "user", content: text }],
  });
  return message.content;
}

export const MANTLE_MODEL = "anthropic.claude-opus-4-7";
