import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function streamAnswer(question: string): Promise<{ text: string; outputTokens: number }> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 1024 },
    }),
  );

  let text = "";
  let outputTokens = 0;
  for await (const event of response.stream!) {
    if (event.messageStop?.stopReason === "content_filtered" || event.messageStop?.stopReason === ("refusal" as string)) {
      throw new Error(
        `Claude refused the request (stop reason: ${event.messageStop?.stopReason}, model: global.anthropic.claude-sonnet-4-5-20250929-v1:0)`,
      );
    }

    if (event.contentBlockDelta?.delta?.text) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.metadata) {
      outputTokens = event.metadata.usage?.outputTokens ?? 0;
    }
  }
  return { text, outputTokens };
}
