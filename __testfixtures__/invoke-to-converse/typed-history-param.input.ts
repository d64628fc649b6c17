import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// The caller keeps the conversation as plain strings (it is stored in a database that way).
export async function reply(history: ChatMessage[], userText: string): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [...history, { role: "user", content: userText }];
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        system: "You are a helpful travel agent.",
        messages,
      }),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  const answer: string = data.content[0].text;
  return [...messages, { role: "assistant", content: answer }];
}
