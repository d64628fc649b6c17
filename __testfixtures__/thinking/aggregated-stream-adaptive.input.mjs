import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const runtime = new BedrockRuntime({});

// Streams an answer token by token to a callback (a CLI prints them as they come).
export async function explain(topic, onToken) {
  const { stream } = await runtime.converseStream({
    modelId: "us.anthropic.claude-opus-4-7",
    messages: [{ role: "user", content: [{ text: `Explain ${topic} to a new engineer.` }] }],
    inferenceConfig: { maxTokens: 3000 },
  });
  let answer = "";
  for await (const event of stream) {
    if (event.contentBlockDelta) {
      answer += event.contentBlockDelta.delta.text;
      onToken(event.contentBlockDelta.delta.text);
    }
  }
  return answer;
}
