import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function generateCopy(brief) {
  const stream = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      messages: [{ role: 'user', content: [{ text: brief }] }],
      inferenceConfig: { maxTokens: 600 },
    }),
  );
  let copy = '';
  let stopReason;
  for await (const streamEvent of stream.stream) {
    if (streamEvent.contentBlockDelta) {
      copy += streamEvent.contentBlockDelta.delta.text ?? '';
    } else if (streamEvent.messageStop) {
      stopReason = streamEvent.messageStop.stopReason;
    }
  }
  if (stopReason === 'content_filtered' || stopReason === 'refusal') {
    return { ok: false, copy: '' };
  }
  return { ok: true, copy };
}
