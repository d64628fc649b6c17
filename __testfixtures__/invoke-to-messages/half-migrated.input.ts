import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const anthropic = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });
const client = new BedrockRuntimeClient({ region: 'us-east-1' });

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
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 50,
        messages: [{ role: 'user', content: `Tags for: ${text}` }],
      }),
    }),
  );
  const parsed = JSON.parse(new TextDecoder().decode(response.body)) as { content: Array<{ text: string }> };
  return parsed.content[0].text;
}

export async function both(text: string): Promise<string[]> {
  return [await title(text), await tags(text)];
}
