import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function chatWithCohere(message: string, chatHistory: Array<{ role: string; message: string }>) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: process.env.COHERE_MODEL_ID || "cohere.command-r-plus-v1:0",
      body: JSON.stringify({ message, chat_history: chatHistory, max_tokens: 400 }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).text as string;
}
