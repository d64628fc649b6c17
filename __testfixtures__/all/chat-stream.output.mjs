import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function streamReply(question, onText) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "us.anthropic.claude-sonnet-4-6",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 800 },
    })
  );

  let text = "";
  let stopReason;
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
      onText(event.contentBlockDelta.delta.text);
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason;
    }
  }
  return { text, stopReason };
}
