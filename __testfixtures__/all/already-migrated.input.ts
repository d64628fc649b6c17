import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );
  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error("Claude refused the request");
  }
  return response.output?.message?.content?.[0]?.text ?? "";
}
