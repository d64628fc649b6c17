import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const anthropic = new AnthropicBedrock({ awsRegion: "eu-west-1" });

export async function tagLanguage(snippet: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: "claude-3-opus-20240229",
    max_tokens: 10,
    messages: [
      { role: "user", content: `Which programming language is this? One word.\n${snippet}` },
      { role: "assistant", content: "Language:" },
    ],
  });
  const first = message.content[0];
  return first.type === "text" ? first.text.trim() : "";
}
