import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function invokeClaude(modelId: string, prompt: string): Promise<unknown> {
  // TODO(bedrock-claude-codemod): kept on InvokeModel: the model ID is not known here (the Messages API on Bedrock takes mantle IDs only)
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
