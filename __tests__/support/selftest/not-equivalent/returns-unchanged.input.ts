import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Already handles the refusal: an expectation of `null` proves nothing about a migration here. */
export async function suggest(text: string): Promise<string | null> {
  const res = await client.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-sonnet-4-6',
      messages: [{ role: 'user', content: [{ text }] }],
    }),
  );
  if ((res.stopReason as string) === 'refusal') return null;
  return res.output?.message?.content?.[0]?.text ?? '';
}
