import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

export async function shortAnswer(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}

export async function rawMessage(question: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  // Callers read the whole Anthropic message (id, model, content, usage).
  return JSON.parse(new TextDecoder().decode(response.body));
}
