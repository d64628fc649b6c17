import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type InvokeModelWithResponseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams a product description, token by token, to `onToken`; returns the full text. */
export async function describeProduct(name: string, onToken: (token: string) => void): Promise<string> {
  let params: InvokeModelWithResponseStreamCommandInput = {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    contentType: 'application/json',
    accept: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 300,
      system: 'You write short product descriptions.',
      messages: [{ role: 'user', content: `Describe ${name} in two sentences.` }],
    }),
  };

  const response = await client.send(new InvokeModelWithResponseStreamCommand(params));
  let text = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      text += chunk.delta.text;
      onToken(chunk.delta.text);
    }
  }
  return text;
}
