import { BedrockRuntimeClient, ConverseStreamCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

interface StreamResult {
  text: string;
  stopReason?: string;
  outputTokens: number;
}

/** Reads a Claude event stream to the end. */
async function readStream(body: AsyncIterable<ConverseStreamOutput>): Promise<StreamResult> {
  const result: StreamResult = { text: '', outputTokens: 0 };
  for await (const item of body) {
    if (item.contentBlockDelta?.delta?.text !== undefined) {
      result.text += item.contentBlockDelta.delta.text;
    } else if (item.messageStop) {
      result.stopReason = item.messageStop.stopReason!;
    } else if (item.metadata) {
      result.outputTokens = item.metadata.usage!.outputTokens!;
    }
  }
  return result;
}

export async function summarize(document: string): Promise<StreamResult> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: [{ text: document }] }],
      system: [{ text: 'Summarize the document in two sentences.' }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  if (!response.stream) throw new Error('Bedrock returned no stream');
  return readStream(response.stream);
}
