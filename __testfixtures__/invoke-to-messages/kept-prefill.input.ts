import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function jsonOnly(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        messages: [
          { role: 'user', content: question },
          { role: 'assistant', content: '{' },
        ],
      }),
    }),
  );
  const out = JSON.parse(new TextDecoder().decode(response.body)) as { content: Array<{ text: string }> };
  return '{' + out.content[0].text;
}
