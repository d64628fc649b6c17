import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const decoder = new TextDecoder('utf-8');

export async function complete(prompt, { maxTokens = 256 } = {}) {
  const { body } = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: maxTokens,
        messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
      }),
    }),
  );

  const parts = [];
  let stopReason = null;
  for await (const item of body) {
    let event;
    try {
      event = JSON.parse(decoder.decode(item.chunk.bytes, { stream: true }));
    } catch (error) {
      console.warn('skipping an unreadable chunk', error);
      continue;
    }
    if (event.type === 'content_block_delta') {
      parts.push(event.delta.text);
    } else if (event.type === 'message_delta') {
      stopReason = event.delta.stop_reason;
    }
  }
  return { text: parts.join(''), stopReason };
}
