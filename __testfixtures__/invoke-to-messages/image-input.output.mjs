import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

export async function describeImage(bytes, mediaType = 'image/png') {
  const result = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 300,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: mediaType, data: Buffer.from(bytes).toString('base64') } },
          { type: 'text', text: 'Describe this image in one sentence.' },
        ],
      },
    ],
  });
  return result.content[0].text;
}
