import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";
import type { Message } from "@anthropic-ai/sdk/resources/messages";

const client = new AnthropicBedrock({ awsRegion: "eu-west-1" });

export type Result = { kind: "answer"; text: string } | { kind: "incomplete"; reason: string };

function toResult(message: Message): Result {
  const text = message.content.map((b) => (b.type === "text" ? b.text : "")).join("");
  switch (message.stop_reason) {
    case "end_turn":
    case "stop_sequence":
      return { kind: "answer", text };
    case "max_tokens":
    case "model_context_window_exceeded":
      return { kind: "incomplete", reason: "length" };
    case "pause_turn":
    case "tool_use":
      return { kind: "incomplete", reason: "tools" };
    case "refusal":
      throw new Error("Claude refused the request (stop reason: refusal)");
    default:
      return { kind: "incomplete", reason: String(message.stop_reason) };
  }
}

export async function ask(prompt: string, onText: (text: string) => void): Promise<Result> {
  const stream = client.messages.stream({
    model: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    max_tokens: 4096,
    messages: [{ role: "user", content: prompt }],
  });
  stream.on("text", onText);
  return toResult(await stream.finalMessage());
}
