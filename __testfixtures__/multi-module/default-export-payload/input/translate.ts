import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import translationPayload, { type TranslationJob } from './payload';

const client = new BedrockRuntimeClient({});

export async function translate(job: TranslationJob): Promise<{ text: string; outputTokens: number }> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify(translationPayload(job)),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  return { text: message.content[0].text, outputTokens: message.usage.output_tokens };
}
