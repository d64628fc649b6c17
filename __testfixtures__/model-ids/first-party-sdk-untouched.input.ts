import Anthropic from "@anthropic-ai/sdk";

// The first-party Claude API takes first-party names; nothing here runs on Bedrock.
const anthropic = new Anthropic();

export async function reply(text: string) {
  const msg = await anthropic.messages.create({
    model: "claude-3-5-sonnet-20241022",
    max_tokens: 512,
    messages: [{ role: "user", content: text }],
  });
  return msg.content;
}
