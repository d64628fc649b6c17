import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function streamOrPartial(prompt) {
  let text = '';
  try {
    const { stream } = await client.send(
      new ConverseStreamCommand({
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        inferenceConfig: { maxTokens: 100 },
        messages: [{ role: 'user', content: [{ text: prompt }] }],
      }),
    );
    for await (const event of stream) {
      if (event.contentBlockDelta) text += event.contentBlockDelta.delta.text;
    }
    return { text, complete: true };
  } catch (err) {
    return { text, complete: false, error: err.name };
  }
}
