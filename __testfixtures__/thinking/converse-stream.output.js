import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function streamToSocket(question, send) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "us.anthropic.claude-opus-4-5-20251101-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 6000 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } },
    })
  );
  let full = "";
  for await (const event of response.stream) {
    if (event.contentBlockDelta && event.contentBlockDelta.delta?.text !== undefined) {
      full += event.contentBlockDelta.delta.text;
      send(event.contentBlockDelta.delta.text);
    }
  }
  return full;
}
