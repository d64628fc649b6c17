import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });

type Send = (message: string) => void;

/** Streams tokens over a WebSocket connection (`socket.send` is handed in). */
export async function relayOverSocket(prompt: string, sendMessage: Send): Promise<void> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 700,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  let count = 0;
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      count++;
      sendMessage(JSON.stringify({ event: 'token', index: count, text: chunk.delta.text }));
    } else if (chunk.type === 'message_stop') {
      sendMessage(JSON.stringify({ event: 'end', tokens: count }));
    }
  }
}
