import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function describeImage(bytes, mediaType = 'image/png') {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: mediaType, data: Buffer.from(bytes).toString('base64') } },
              { type: 'text', text: 'Describe this image in one sentence.' },
            ],
          },
        ],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}
