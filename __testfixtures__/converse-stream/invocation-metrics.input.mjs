import * as bedrock from '@aws-sdk/client-bedrock-runtime';

const client = new bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

/**
 * Summarises a document with streaming; reports the token counts Bedrock measured.
 * @param {string} documentText
 */
export async function summarize(documentText) {
  const request = {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 300,
    system: 'Summarise the document in three sentences.',
    messages: [{ role: 'user', content: [{ type: 'text', text: documentText }] }],
  };

  const res = await client.send(
    new bedrock.InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify(request),
    }),
  );

  const parts = [];
  let usage = { input: 0, output: 0 };
  for await (const event of res.body) {
    if (event.chunk?.bytes) {
      const payload = JSON.parse(Buffer.from(event.chunk.bytes).toString('utf-8'));
      if (payload.type === 'content_block_delta') {
        parts.push(payload.delta.text);
      } else if (payload.type === 'message_stop') {
        const input = payload['amazon-bedrock-invocationMetrics'].inputTokenCount;
        usage = { input, output: payload['amazon-bedrock-invocationMetrics'].outputTokenCount };
      }
    } else if (event.modelStreamErrorException) {
      throw new Error(`model stream error: ${event.modelStreamErrorException.message}`);
    } else if (event.throttlingException) {
      throw event.throttlingException;
    }
  }
  return { summary: parts.join(''), usage };
}
