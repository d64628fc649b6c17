import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

export const handler = async (event: { body?: string }) => {
  const { question } = JSON.parse(event.body ?? "{}") as { question: string };
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: {
        maxTokens: 512,
        temperature: 0.2,
        stopSequences: ["END"],
      },
    }),
  );
  const answer = response.output?.message?.content?.[0]?.text ?? "";
  return { statusCode: 200, body: JSON.stringify({ answer }) };
};
