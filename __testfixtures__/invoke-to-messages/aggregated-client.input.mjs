import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntime({ region: 'us-east-1' });

export async function summarize(text) {
  const response = await bedrock.invokeModel({
    modelId: 'anthropic.claude-opus-4-8',
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 400,
      system: 'You write two-line summaries.',
      messages: [{ role: 'user', content: `Summarize:\n${text}` }],
    }),
  });
  const payload = JSON.parse(Buffer.from(response.body).toString('utf8'));
  return { summary: payload.content[0].text, tokens: payload.usage.output_tokens };
}
