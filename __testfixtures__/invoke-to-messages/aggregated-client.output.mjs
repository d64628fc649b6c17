import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

export async function summarize(text) {
  const payload = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-8',
    max_tokens: 400,
    system: 'You write two-line summaries.',
    messages: [{ role: 'user', content: `Summarize:\n${text}` }],
  });
  return { summary: payload.content[0].text, tokens: payload.usage.output_tokens };
}
