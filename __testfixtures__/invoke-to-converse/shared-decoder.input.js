import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const decoder = new TextDecoder("utf-8");
const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

function userMessage(text) {
  return { role: "user", content: text };
}

export async function sentiment(review) {
  const command = new InvokeModelCommand({
    modelId: MODEL_ID,
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 5,
      system: "Reply with positive, negative or neutral.",
      messages: [{ role: "user", content: review }],
    }),
  });
  const { body } = await client.send(command);
  const data = JSON.parse(decoder.decode(body));
  return data.content[0].text.toLowerCase();
}

export async function rating(review) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 5,
        system: "Reply with a number from 1 to 5.",
        messages: [{ role: "user", content: review }],
      }),
    }),
  );
  const text = await response.body.transformToString();
  return Number(JSON.parse(text).content[0].text);
}

export { userMessage };
