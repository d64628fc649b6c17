import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function summarize(text) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 200,
        messages: [{ role: 'user', content: `Summarize: ${text}` }],
      }),
    }),
  );
  const body = JSON.parse(res.body.transformToString());
  // Reads the text blindly: a refusal has no content block and this throws a TypeError.
  return body.content[0].text;
}
