import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const client = new AnthropicBedrock({ awsRegion: "us-east-1" });
const SUMMARY_MODEL = "claude-3-haiku-20240307";

export async function draftReply(ticket: string) {
  const message = await client.messages.create({
    model: "claude-3-5-sonnet-20241022",
    max_tokens: 1024,
    messages: [{ role: "user", content: ticket }],
  });
  console.log("claude-3-5-sonnet-20241022 answered", message.id);
  return message.content;
}

export async function summarize(text: string) {
  const message = await client.messages.create({
    model: SUMMARY_MODEL,
    max_tokens: 256,
    messages: [{ role: "user", content: `Summarize: ${text}` }],
  });
  return message.content;
}

export async function streamCurrent(text: string) {
  const stream = client.messages.stream({
    model: "claude-sonnet-4-6",
    max_tokens: 512,
    messages: [{ role: "user", content: text }],
  });
  return stream.finalMessage();
}
