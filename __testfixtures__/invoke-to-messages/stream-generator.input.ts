import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const decoder = new TextDecoder();

interface StreamEvent {
  type: string;
  delta?: { type: string; text?: string; stop_reason?: string };
}

/** Yields the text of the answer as it arrives. */
export async function* streamText(prompt: string): AsyncGenerator<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-opus-4-8',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 2000,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  if (!response.body) return;
  for await (const event of response.body) {
    if (event.chunk?.bytes) {
      const chunk = JSON.parse(decoder.decode(event.chunk.bytes)) as StreamEvent;
      if (chunk.type === 'content_block_delta' && chunk.delta?.type === 'text_delta') {
        yield chunk.delta.text ?? '';
      }
    }
  }
}
