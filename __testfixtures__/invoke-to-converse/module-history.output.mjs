import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// One shared conversation for a small CLI chat.
const conversation = [
  {
    role: "user",
    content: [{ text: "You are helping me plan a trip to Japan." }],
  },
  {
    role: "assistant",
    content: [{ text: "Great! When are you travelling?" }],
  },
];

export async function say(userText) {
  conversation.push({ role: "user", content: [{ text: userText }] });
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: conversation,
      inferenceConfig: { maxTokens: 400 },
    }),
  );
  conversation.push({ role: "assistant", content: response.output.message.content });
  if (conversation.length > 20) {
    conversation.shift();
    conversation.shift();
  }
  return response.output.message.content[0].text;
}
