import { AnthropicBedrock } from "@anthropic-ai/bedrock-sdk";

const client = new AnthropicBedrock({ awsRegion: "us-west-2" });

export async function streamStory(prompt: string, onText: (text: string) => void): Promise<string> {
  const stream = await client.messages.create({
    model: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    max_tokens: 4096,
    stream: true,
    messages: [{ role: "user", content: prompt }],
    thinking: { type: "enabled", budget_tokens: 2048 },
  });
  let story = "";
  for await (const event of stream) {
    if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
      const delta = event.delta as { text: string };
      story += delta.text;
      onText(delta.text);
    }
  }
  return story;
}
