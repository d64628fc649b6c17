import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand as StreamCommand } from '@aws-sdk/client-bedrock-runtime';

const decoder = new TextDecoder();

export interface StreamResult {
  text: string;
  stopReason: string | null;
  inputTokens: number;
  outputTokens: number;
}

/** Continues a story, streaming; returns the text, why it stopped and what it cost. */
export async function chat(story: string, system: string): Promise<StreamResult> {
  const client = new BedrockRuntimeClient({ region: 'us-east-1' });
  const response = await client.send(
    new StreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        system,
        max_tokens: 400,
        temperature: 0.2,
        messages: [
          { role: 'user', content: 'Write a long story.' },
          { role: 'assistant', content: story },
          { role: 'user', content: 'Go on.' },
        ],
      }),
    }),
  );

  let text = '';
  let stopReason: string | null = null;
  let inputTokens = 0;
  let outputTokens = 0;

  for await (const event of response.body ?? []) {
    if (!event.chunk?.bytes) continue;
    const chunk = JSON.parse(decoder.decode(event.chunk.bytes));
    switch (chunk.type) {
      case 'message_start':
        inputTokens = chunk.message.usage.input_tokens;
        break;
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') {
          text += chunk.delta.text;
        }
        break;
      case 'message_delta':
        stopReason = chunk.delta.stop_reason;
        outputTokens = chunk.usage.output_tokens;
        break;
      default:
        break;
    }
  }

  return { text, stopReason, inputTokens, outputTokens };
}
