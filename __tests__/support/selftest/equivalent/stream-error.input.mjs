import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function streamOrPartial(prompt) {
  let text = '';
  try {
    const { body } = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] }),
      }),
    );
    for await (const event of body) {
      if (event.chunk) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
        if (chunk.type === 'content_block_delta') text += chunk.delta.text;
      }
    }
    return { text, complete: true };
  } catch (err) {
    return { text, complete: false, error: err.name };
  }
}
