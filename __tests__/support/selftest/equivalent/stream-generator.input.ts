import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Yields text as it arrives, then one summary line with the stop reason and token counts. */
export async function* streamAnswer(prompt: string): AsyncGenerator<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  let stopReason = '';
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const event of response.body ?? []) {
    if (!event.chunk?.bytes) continue;
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    switch (chunk.type) {
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') yield chunk.delta.text;
        break;
      case 'message_delta':
        stopReason = chunk.delta.stop_reason;
        break;
      case 'message_stop':
        inputTokens = chunk['amazon-bedrock-invocationMetrics'].inputTokenCount;
        outputTokens = chunk['amazon-bedrock-invocationMetrics'].outputTokenCount;
        break;
    }
  }
  yield `[${stopReason} ${inputTokens}/${outputTokens}]`;
}
