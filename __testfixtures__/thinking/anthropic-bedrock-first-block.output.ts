import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const anthropic = new AnthropicBedrock({ awsRegion: "us-east-1" });

export async function classify(ticket: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: "global.anthropic.claude-opus-4-6-v1",
    max_tokens: 4096,
    system: "Answer with one word: billing, bug or other.",
    messages: [{ role: "user", content: ticket }],
    thinking: { type: "adaptive" },
  });
  // TODO(bedrock-claude-codemod): thinking is on: content[0] is the reasoning block now; use the first text block
  const block = message.content[0];
  return block.type === "text" ? block.text.trim().toLowerCase() : "other";
}
