import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams a product description, token by token, to `onToken`; returns the full text. */
export async function describeProduct(name: string, onToken: (token: string) => void): Promise<string> {
  let params: ConverseStreamCommandInput = {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    messages: [
      {
        role: 'user',
        content: [{ text: `Describe ${name} in two sentences.` }],
      },
    ],
    system: [{ text: 'You write short product descriptions.' }],
    inferenceConfig: { maxTokens: 300 },
  };

  const response = await client.send(new ConverseStreamCommand(params));
  let text = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
      onToken(event.contentBlockDelta.delta.text);
    }
  }
  return text;
}
