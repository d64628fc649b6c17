import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question: string, persona?: string): Promise<string> {
  const payload: Record<string, unknown> = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 300,
    messages: [{ role: "user", content: question }],
  };
  if (persona) {
    payload.system = `You are ${persona}.`;
  }
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify(payload),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}
