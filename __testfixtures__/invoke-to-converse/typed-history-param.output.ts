import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// The caller keeps the conversation as plain strings (it is stored in a database that way).
export async function reply(history: ChatMessage[], userText: string): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [...history, { role: "user", content: userText }];
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      messages: messages.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
      system: [{ text: "You are a helpful travel agent." }],
      inferenceConfig: { maxTokens: 400 },
    }),
  );
  const answer: string = response.output!.message!.content![0].text!;
  return [...messages, { role: "assistant", content: answer }];
}
