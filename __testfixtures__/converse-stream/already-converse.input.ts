// Migrated earlier from InvokeModelWithResponseStream; nothing left to do here.
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function streamText(prompt: string): Promise<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 64 },
    }),
  );
  let text = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) text += event.contentBlockDelta.delta.text;
  }
  return text;
}
