import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

export async function summarize(text: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        temperature: 0.2,
        top_p: 0.9,
        system: "Summarize the text in three bullet points.",
        messages: [{ role: "user", content: text }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}

export async function handler(event: { body: string | null }): Promise<{ statusCode: number; body: string }> {
  const { text } = JSON.parse(event.body ?? "{}");
  const summary = await summarize(text);
  return { statusCode: 200, body: JSON.stringify({ summary }) };
}
