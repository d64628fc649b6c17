import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

/** Streams the answer to a question, piece by piece. */
export async function* streamAnswer(question: string): AsyncGenerator<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: MODEL_ID,
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );

  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      yield event.contentBlockDelta.delta.text;
    }
  }
}

export async function collect(question: string) {
  let text = '';
  for await (const piece of streamAnswer(question)) text += piece;
  return { text };
}
