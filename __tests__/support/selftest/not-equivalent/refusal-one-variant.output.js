import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function summarize(text) {
  const res = await client.send(
    new ConverseCommand({
      modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      inferenceConfig: { maxTokens: 200 },
      messages: [{ role: 'user', content: [{ text: `Summarize: ${text}` }] }],
    }),
  );
  if (res.stopReason === 'refusal') {
    throw new Error(`The model refused the request (us.anthropic.claude-sonnet-4-5-20250929-v1:0)`);
  }
  return res.output.message.content[0].text;
}
