import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Streams an answer and reports what it cost. */
export async function answerWithUsage(question: string, record: (usage: Usage) => void) {
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
  let text = '';
  let stop: string | undefined;
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      text += chunk.delta.text;
    } else if (chunk.type === 'message_delta') {
      stop = chunk.delta.stop_reason;
    } else if (chunk.type === 'message_stop') {
      const metrics = chunk['amazon-bedrock-invocationMetrics'];
      record({ inputTokens: metrics.inputTokenCount, outputTokens: metrics.outputTokenCount });
    }
  }
  return { text, stop };
}
