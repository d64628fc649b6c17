import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

const MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

export async function summarize(text: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      // TODO(bedrock-claude-codemod): Claude Haiku 4.5 accepts temperature or top_p, not both (400 when both are set): kept temperature, removed top_p
      messages: [{ role: "user", content: [{ text }] }],
      system: [{ text: "Summarize the text in three bullet points." }],
      inferenceConfig: { maxTokens: 400, temperature: 0.2 },
    }),
  );

  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: ${MODEL_ID})`,
    );
  }

  return response.output!.message!.content![0].text!;
}

export async function handler(event: { body: string | null }): Promise<{ statusCode: number; body: string }> {
  const { text } = JSON.parse(event.body ?? "{}");
  const summary = await summarize(text);
  return { statusCode: 200, body: JSON.stringify({ summary }) };
}
