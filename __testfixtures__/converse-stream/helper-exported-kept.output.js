import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Also used by the batch worker (src/worker.js) for streams it opens itself. */
export async function collectText(body) {
  let text = '';
  for await (const event of body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
  }
  return text;
}

export async function quickAnswer(question) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the stream is handed to `collectText`, which other modules can call too
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: question }] }),
    }),
  );
  return collectText(response.body);
}
