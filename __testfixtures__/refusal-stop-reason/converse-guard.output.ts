import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const modelId = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

export async function reply(history: Message[], userText: string): Promise<string> {
  const messages: Message[] = [...history, { role: "user", content: [{ text: userText }] }];
  const response = await client.send(
    new ConverseCommand({
      modelId,
      messages,
      system: [{ text: "You are a concise support assistant." }],
      inferenceConfig: { maxTokens: 800 },
    }),
  );

  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: ${modelId})`,
    );
  }

  const text = response.output?.message?.content?.map((block) => block.text ?? "").join("") ?? "";
  history.push(messages[messages.length - 1], { role: "assistant", content: [{ text }] });
  return text;
}
