import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const anthropic = new AnthropicBedrock({ awsRegion: "us-east-1" });

export async function draftReply(email) {
  const message = await anthropic.messages.create({
    model: "global.anthropic.claude-sonnet-4-6",
    max_tokens: 3548,
    messages: [{ role: "user", content: `Draft a short, polite reply to:\n${email}` }],
    thinking: { type: "enabled", budget_tokens: 2048 },
  });
  return message.content.find((block) => block.type === "text").text;
}
