import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand, type ResponseStream } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

interface StreamResult {
  text: string;
  stopReason?: string;
  outputTokens: number;
}

/** Reads a Claude event stream to the end. */
async function readStream(body: AsyncIterable<ResponseStream>): Promise<StreamResult> {
  const decoder = new TextDecoder();
  const result: StreamResult = { text: '', outputTokens: 0 };
  for await (const item of body) {
    if (!item.chunk?.bytes) continue;
    const event = JSON.parse(decoder.decode(item.chunk.bytes));
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      result.text += event.delta.text;
    } else if (event.type === 'message_delta') {
      result.stopReason = event.delta.stop_reason;
      result.outputTokens = event.usage.output_tokens;
    }
  }
  return result;
}

export async function summarize(document: string): Promise<StreamResult> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        system: 'Summarize the document in two sentences.',
        messages: [{ role: 'user', content: document }],
      }),
    }),
  );
  if (!response.body) throw new Error('Bedrock returned no stream');
  return readStream(response.body);
}
