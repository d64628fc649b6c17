import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export class RefusedError extends Error {}

/** Streams to the caller; a refusal after partial output discards it. */
export async function streamReply(prompt, onText) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 2048 },
    }),
  );
  let shown = '';
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      shown += event.contentBlockDelta.delta.text;
      onText(event.contentBlockDelta.delta.text);
    } else if (event.messageStop) {
      if (event.messageStop.stopReason === 'content_filtered' || event.messageStop.stopReason === 'refusal') {
        throw new RefusedError(`refused after ${shown.length} characters`);
      }
    }
  }
  return shown;
}
