import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

function userMessage(text) {
  return { role: "user", content: text };
}

export async function sentiment(review) {
  const command = new ConverseCommand({
    modelId: MODEL_ID,
    messages: [{ role: "user", content: [{ text: review }] }],
    system: [{ text: "Reply with positive, negative or neutral." }],
    inferenceConfig: { maxTokens: 5 },
  });
  const response = await client.send(command);
  return response.output.message.content[0].text.toLowerCase();
}

export async function rating(review) {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: review }] }],
      system: [{ text: "Reply with a number from 1 to 5." }],
      inferenceConfig: { maxTokens: 5 },
    }),
  );
  return Number(response.output.message.content[0].text);
}

export { userMessage };
