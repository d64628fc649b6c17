import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export class RefusalError extends Error {}

/** Streams an answer from a Claude 4 model; a refusal discards the partial text (per Anthropic's guidance). */
export async function safeAnswer(question: string): Promise<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 1024 },
    }),
  );
  let text = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      if (event.messageStop.stopReason === 'content_filtered' || event.messageStop.stopReason === ('refusal' as string)) throw new RefusalError('the model declined to answer');
    }
  }
  return text;
}
