import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function askClaude(question: string, maxTokens = 512) {
  const response = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: maxTokens,
        messages: [{ role: 'user', content: [{ type: 'text', text: question }] }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}
