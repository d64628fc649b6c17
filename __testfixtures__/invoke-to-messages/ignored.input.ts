import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function legacyPath(prompt: string): Promise<unknown> {
  // bedrock-claude-codemod-ignore: this route must stay on InvokeModel until the gateway is updated
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}
