import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
    })
  );
  return response.output.message.content[0].text;
}

export async function answerStreaming(question, write) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
    })
  );
  for await (const event of response.stream) {
    if (event.contentBlockDelta) write(event.contentBlockDelta.delta.text);
  }
}

export function isComplete(stopReason) {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return true;
    case "max_tokens":
      return false;
    default:
      return false;
  }
}
