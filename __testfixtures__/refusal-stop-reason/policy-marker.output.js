import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question) {
  // TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": check the stop reason before the text read here is used
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
  // TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": check the stop reason before the text read here is used
  for await (const event of response.stream) {
    if (event.contentBlockDelta) write(event.contentBlockDelta.delta.text);
  }
}

export function isComplete(stopReason) {
  switch (stopReason) {
    // TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": add a case for it in this switch
    case "end_turn":
    case "stop_sequence":
      return true;
    case "max_tokens":
      return false;
    default:
      return false;
  }
}
