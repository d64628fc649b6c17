import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

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
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1000,
        system: "You are a helpful assistant for an online bookshop.",
        messages: [{ role: "user", content: question }],
      }),
    }),
  );

  const result = JSON.parse(new TextDecoder().decode(response.body));
  return {
    statusCode: 200,
    body: JSON.stringify({
      answer: result.content[0].text,
      stopReason: result.stop_reason,
      usage: { input: result.usage.input_tokens, output: result.usage.output_tokens },
    }),
  };
};
