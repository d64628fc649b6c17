import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const decoder = new TextDecoder();

export async function streamStory(topic: string, onText: (chunk: string) => void = () => {}): Promise<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "us.anthropic.claude-opus-4-20250514-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 2000,
        messages: [{ role: "user", content: `Write a short story about ${topic}.` }],
      }),
    }),
  );

  let story = "";
  for await (const item of response.body ?? []) {
    if (!item.chunk?.bytes) continue;
    const event = JSON.parse(decoder.decode(item.chunk.bytes));

    if (event.type === "message_delta" && event.delta.stop_reason === "refusal") {
      throw new Error(
        "Claude refused the request (stop reason: refusal, model: us.anthropic.claude-opus-4-20250514-v1:0)",
      );
    }

    if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
      story += event.delta.text;
      onText(event.delta.text);
    }
  }
  return story;
}
