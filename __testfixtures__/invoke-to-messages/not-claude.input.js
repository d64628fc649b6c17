import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function embed(text) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'amazon.titan-embed-text-v2:0',
      body: JSON.stringify({ inputText: text, dimensions: 256 }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).embedding;
}
