import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Yields text as it arrives, then one summary line with the stop reason and token counts. */
export async function* streamAnswer(prompt: string): AsyncGenerator<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      inferenceConfig: { maxTokens: 300 },
      messages: [{ role: 'user', content: [{ text: prompt }] }],
    }),
  );
  let stopReason = '';
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const event of response.stream ?? []) {
    if (event.contentBlockDelta?.delta?.text !== undefined) yield event.contentBlockDelta.delta.text;
    else if (event.messageStop) stopReason = event.messageStop.stopReason ?? '';
    else if (event.metadata) {
      inputTokens = event.metadata.usage?.inputTokens ?? 0;
      outputTokens = event.metadata.usage?.outputTokens ?? 0;
    }
  }
  yield `[${stopReason} ${inputTokens}/${outputTokens}]`;
}
