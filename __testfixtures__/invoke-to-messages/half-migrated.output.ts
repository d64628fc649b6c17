import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const anthropic = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

export async function title(text: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 50,
    messages: [{ role: 'user', content: `Title for: ${text}` }],
  });
  const block = message.content[0];
  return block?.type === 'text' ? block.text : '';
}

export async function tags(text: string): Promise<string> {
  const response = await anthropic.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 50,
    messages: [{ role: 'user', content: `Tags for: ${text}` }],
  });
  const parsed = response as { content: Array<{ text: string }> };
  return parsed.content[0].text;
}

export async function both(text: string): Promise<string[]> {
  return [await title(text), await tags(text)];
}
