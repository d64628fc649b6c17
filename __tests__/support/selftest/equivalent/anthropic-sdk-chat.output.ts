import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function reply(userText: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      inferenceConfig: { maxTokens: 400 },
      system: [{ text: 'You answer support tickets.' }, { cachePoint: { type: 'default' } }],
      messages: [{ role: 'user', content: [{ text: userText }] }],
    }),
  );
  return {
    text: response.output?.message?.content?.[0]?.text ?? '',
    stop: response.stopReason,
    cacheRead: response.usage?.cacheReadInputTokens,
    cacheWrite: response.usage?.cacheWriteInputTokens,
  };
}
