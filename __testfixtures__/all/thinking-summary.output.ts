import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarizeIncident(log: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      messages: [{ role: "user", content: [{ text: log }] }],
      system: [{ text: "Summarize the incident and its likely root cause." }],
      inferenceConfig: { maxTokens: 3048 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } },
    }),
  );

  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: global.anthropic.claude-haiku-4-5-20251001-v1:0)`,
    );
  }

  return response.output!.message!.content!.find((block) => "text" in block)!.text!;
}
