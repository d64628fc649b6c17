import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export class RefusedError extends Error {}

/** Streams to the caller; a refusal after partial output discards it. */
export async function streamReply(prompt, onText) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 2048, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  let shown = '';
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      shown += chunk.delta.text;
      onText(chunk.delta.text);
    } else if (chunk.type === 'message_delta' && chunk.delta.stop_reason === 'refusal') {
      throw new RefusedError(`refused after ${shown.length} characters`);
    }
  }
  return shown;
}
