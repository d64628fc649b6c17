import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const anthropic = new AnthropicBedrock({ awsRegion: "us-east-1" });

export async function draftReply(email) {
  const message = await anthropic.messages.create({
    model: "global.anthropic.claude-sonnet-4-6",
    max_tokens: 1500,
    temperature: 0.3,
    messages: [{ role: "user", content: `Draft a short, polite reply to:\n${email}` }],
  });
  return message.content[0].text;
}
