import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

/** Streams the answer to a question, piece by piece. */
export async function* streamAnswer(question: string): AsyncGenerator<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: MODEL_ID,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );

  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      yield chunk.delta.text;
    }
  }
}

export async function collect(question: string) {
  let text = '';
  for await (const piece of streamAnswer(question)) text += piece;
  return { text };
}
