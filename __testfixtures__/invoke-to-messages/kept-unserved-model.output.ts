import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function draft(topic: string): Promise<string> {
  // TODO(bedrock-claude-codemod): kept on InvokeModel: Claude Sonnet 4.5 is not served by the Messages API on Bedrock
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 400,
        messages: [{ role: 'user', content: `Draft a tweet about ${topic}` }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body)) as { content: Array<{ text: string }> };
  return result.content[0].text;
}
