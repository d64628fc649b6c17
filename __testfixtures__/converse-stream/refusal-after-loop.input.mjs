import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function generateCopy(brief) {
  const stream = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 600, messages: [{ role: 'user', content: brief }] }),
    }),
  );
  let copy = '';
  let stopReason;
  for await (const { chunk } of stream.body) {
    const event = JSON.parse(new TextDecoder().decode(chunk.bytes));
    if (event.type === 'content_block_delta') copy += event.delta.text ?? '';
    else if (event.type === 'message_delta') stopReason = event.delta.stop_reason;
  }
  if (stopReason === 'refusal') {
    return { ok: false, copy: '' };
  }
  return { ok: true, copy };
}
