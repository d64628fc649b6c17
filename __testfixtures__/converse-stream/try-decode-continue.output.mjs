import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function complete(prompt, { maxTokens = 256 } = {}) {
  const { stream: body } = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens },
    }),
  );

  const parts = [];
  let stopReason = null;
  for await (const item of body) {
    if (item.contentBlockDelta) {
      parts.push(item.contentBlockDelta.delta.text);
    } else if (item.messageStop) {
      stopReason = item.messageStop.stopReason;
    }
  }
  return { text: parts.join(''), stopReason };
}
