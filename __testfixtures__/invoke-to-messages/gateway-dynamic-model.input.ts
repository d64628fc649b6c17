import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function invokeClaude(modelId: string, prompt: string): Promise<unknown> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId,
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 256,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}
