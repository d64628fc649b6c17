import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });
const decoder = new TextDecoder();

interface StreamEvent {
  type: string;
  delta?: { type: string; text?: string; stop_reason?: string };
}

/** Yields the text of the answer as it arrives. */
export async function* streamText(prompt: string): AsyncGenerator<string> {
  const response = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-8',
    max_tokens: 2000,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
  });
  for await (const event of response) {
    const chunk = event as StreamEvent;
    if (chunk.type === 'content_block_delta' && chunk.delta?.type === 'text_delta') {
      yield chunk.delta.text ?? '';
    }
  }
}
