import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export class ModelTimeoutError extends Error {}

/** Streams an answer; a model timeout is turned into a retryable error. */
export async function answer(question: string): Promise<string> {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: `modelTimeoutException` has no ConverseStream counterpart; decide how a model…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 256,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  let out = '';
  for await (const event of response.body!) {
    if (event.modelTimeoutException) {
      throw new ModelTimeoutError(event.modelTimeoutException.message);
    }
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') out += chunk.delta.text;
  }
  return out;
}
