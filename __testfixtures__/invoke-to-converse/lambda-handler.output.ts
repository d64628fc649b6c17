import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});
const MODEL_ID = process.env.MODEL_ID ?? "anthropic.claude-3-haiku-20240307-v1:0";

interface ApiEvent {
  body: string | null;
}

export const handler = async (event: ApiEvent) => {
  const { question } = JSON.parse(event.body ?? "{}");
  if (!question) {
    return { statusCode: 400, body: JSON.stringify({ error: "question is required" }) };
  }

  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: question }] }],
      system: [{ text: "You are a helpful assistant for an online bookshop." }],
      inferenceConfig: { maxTokens: 1000 },
    }),
  );

  return {
    statusCode: 200,
    body: JSON.stringify({
      answer: response.output!.message!.content![0].text!,
      stopReason: response.stopReason!,
      usage: { input: response.usage!.inputTokens!, output: response.usage!.outputTokens! },
    }),
  };
};
