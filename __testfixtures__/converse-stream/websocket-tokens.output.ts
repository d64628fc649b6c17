import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });

type Send = (message: string) => void;

/** Streams tokens over a WebSocket connection (`socket.send` is handed in). */
export async function relayOverSocket(prompt: string, sendMessage: Send): Promise<void> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 700 },
    }),
  );
  let count = 0;
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      count++;
      sendMessage(JSON.stringify({ event: 'token', index: count, text: event.contentBlockDelta.delta.text }));
    } else if (event.messageStop) {
      sendMessage(JSON.stringify({ event: 'end', tokens: count }));
    }
  }
}
