import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

interface LambdaEvent {
  body: string | null;
}

interface SummaryRequest {
  document: string;
  maxWords?: number;
}

export async function summarize(request: SummaryRequest): Promise<string> {
  const prompt = `Summarize in at most ${request.maxWords ?? 100} words:\n\n${request.document}`;
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(response.body));

  if (payload.stop_reason === "refusal") {
    throw new Error(`Claude refused the request (stop reason: refusal, model: ${MODEL_ID})`);
  }

  return payload.content[0].text.trim();
}

export const handler = async (event: LambdaEvent) => {
  const request = JSON.parse(event.body ?? "{}") as SummaryRequest;
  const summary = await summarize(request);
  return { statusCode: 200, body: JSON.stringify({ summary }) };
};
