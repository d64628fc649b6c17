import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const anthropic = new AnthropicBedrock({ awsRegion: "us-east-1" });

export async function classify(ticket: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    max_tokens: 50,
    system: "Answer with one word: billing, bug, or other.",
    messages: [{ role: "user", content: ticket }],
  });

  if (message.stop_reason === "refusal") {
    throw new Error(
      "Claude refused the request (stop reason: refusal, model: global.anthropic.claude-haiku-4-5-20251001-v1:0)",
    );
  }

  const block = message.content[0];
  return block.type === "text" ? block.text.trim().toLowerCase() : "other";
}
