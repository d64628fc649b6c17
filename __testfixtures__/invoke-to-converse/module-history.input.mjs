import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// One shared conversation for a small CLI chat.
const conversation = [
  { role: "user", content: "You are helping me plan a trip to Japan." },
  { role: "assistant", content: "Great! When are you travelling?" },
];

export async function say(userText) {
  conversation.push({ role: "user", content: userText });
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        messages: conversation,
      }),
    }),
  );
  const reply = JSON.parse(new TextDecoder().decode(response.body));
  conversation.push({ role: "assistant", content: reply.content });
  if (conversation.length > 20) {
    conversation.shift();
    conversation.shift();
  }
  return reply.content[0].text;
}
