import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

const anthropic = new AnthropicBedrock({ awsRegion: 'us-east-1' });

export async function reply(userText: string) {
  const message = await anthropic.messages.create({
    model: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    max_tokens: 400,
    system: [{ type: 'text', text: 'You answer support tickets.', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: userText }],
  });
  const first = message.content[0];
  return {
    text: first && first.type === 'text' ? first.text : '',
    stop: message.stop_reason,
    cacheRead: message.usage.cache_read_input_tokens,
    cacheWrite: message.usage.cache_creation_input_tokens,
  };
}
