import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Streams an answer and reports what it cost. */
export async function answerWithUsage(question: string, record: (usage: Usage) => void) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 256 },
    }),
  );
  let text = '';
  let stop: string | undefined;
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      stop = event.messageStop.stopReason!;
    } else if (event.metadata) {
      record({ inputTokens: event.metadata.usage!.inputTokens!, outputTokens: event.metadata.usage!.outputTokens! });
    }
  }
  return { text, stop };
}
