import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import translationPayload, { type TranslationJob } from './payload';

const client = new BedrockRuntimeClient({});

export async function translate(job: TranslationJob): Promise<{ text: string; outputTokens: number }> {
  const response = await client.send(
    new ConverseCommand({
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      ...translationPayload(job),
    }),
  );
  return { text: response.output!.message!.content![0].text!, outputTokens: response.usage!.outputTokens! };
}
