import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";

const client = new AnthropicBedrock({ awsRegion: "us-east-1" });

export class ChatSession {
  private readonly history: MessageParam[] = [];

  constructor(private readonly model = "global.anthropic.claude-sonnet-4-5-20250929-v1:0") {}

  async send(text: string, onDelta: (delta: string) => void = () => {}): Promise<string> {
    this.history.push({ role: "user", content: text });
    const stream = client.messages.stream({ model: this.model, max_tokens: 1024, messages: this.history });
    let reply = "";
    for await (const event of stream) {
      if (event.type === "message_delta" && event.delta.stop_reason === "refusal") {
        throw new Error(`Claude refused the request (stop reason: refusal, model: ${this.model})`);
      }

      if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
        reply += event.delta.text;
        onDelta(event.delta.text);
      }
    }
    this.history.push({ role: "assistant", content: reply });
    return reply;
  }
}

export async function oneShot(text: string): Promise<string> {
  return new ChatSession().send(text);
}
