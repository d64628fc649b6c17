import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

/** Gateway route: relays Claude's deltas to the caller as they are. */
export async function relay(body, send) {
  const response = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: body.max_tokens,
    messages: body.messages,
    stream: true,
  });
  for await (const data of response) {
    if (data.type === 'content_block_delta' || data.type === 'message_delta') send(data.type, data);
  }
}
