import * as bedrock from '@aws-sdk/client-bedrock-runtime';

const client = new bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

/**
 * Summarises a document with streaming; reports the token counts Bedrock measured.
 * @param {string} documentText
 */
export async function summarize(documentText) {
  const res = await client.send(
    new bedrock.ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: documentText }] }],
      system: [{ text: 'Summarise the document in three sentences.' }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );

  const parts = [];
  let usage = { input: 0, output: 0 };
  for await (const event of res.stream) {
    if (event.contentBlockDelta) {
      parts.push(event.contentBlockDelta.delta.text);
    } else if (event.metadata) {
      const input = event.metadata.usage.inputTokens;
      usage = { input, output: event.metadata.usage.outputTokens };
    } else if (event.modelStreamErrorException) {
      throw new Error(`model stream error: ${event.modelStreamErrorException.message}`);
    } else if (event.throttlingException) {
      throw event.throttlingException;
    }
  }
  return { summary: parts.join(''), usage };
}
