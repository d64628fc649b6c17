import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export const handler = async (event: { body: string | null }): Promise<{ statusCode: number; body: string }> => {
  const { question } = JSON.parse(event.body ?? "{}") as { question: string };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        system: process.env.SYSTEM_PROMPT,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  return { statusCode: 200, body: JSON.stringify({ answer: message.content[0].text }) };
};
