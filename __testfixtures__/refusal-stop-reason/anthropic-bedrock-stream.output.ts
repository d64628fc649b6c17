import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";

const client = new AnthropicBedrock();

export async function* streamReply(prompt: string): AsyncGenerator<string> {
  const stream = await client.messages.create({
    model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
    max_tokens: 1024,
    messages: [{ role: "user", content: prompt }],
    stream: true,
  });
  for await (const event of stream) {
    if (event.type === "message_delta" && event.delta.stop_reason === "refusal") {
      throw new Error(
        "Claude refused the request (stop reason: refusal, model: us.anthropic.claude-sonnet-4-20250514-v1:0)",
      );
    }

    if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
      yield event.delta.text;
    }
  }
}

export async function collectReply(prompt: string): Promise<string> {
  let text = "";
  for await (const piece of streamReply(prompt)) text += piece;
  return text;
}
