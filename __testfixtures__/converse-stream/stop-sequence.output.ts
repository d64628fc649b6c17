import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams until one of the stop markers; reports which one fired. */
export async function untilMarker(prompt: string) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: `chunk.delta.stop_sequence` (message_delta) has no proven ConverseStream…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 500,
        stop_sequences: ['</answer>', 'END'],
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  let text = '';
  let firedOn: string | null = null;
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
    if (chunk.type === 'message_delta') firedOn = chunk.delta.stop_sequence;
  }
  return { text, firedOn };
}
