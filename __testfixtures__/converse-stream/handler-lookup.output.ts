import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

type StreamEvent = {
  type: string;
  index: number;
  delta: { type: string; text?: string; partial_json?: string; stop_reason?: string };
  content_block: { type: string; id?: string; name?: string };
  usage: { output_tokens: number };
};

/** Dispatches stream events through a table of handlers keyed by event type. */
export async function dispatchStream(prompt: string, onText: (text: string) => void) {
  let stopReason: string | undefined;
  let outputTokens = 0;
  const toolNames: string[] = [];

  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 700 },
    }),
  );

  for await (const item of response.stream!) {
    if (item.contentBlockStart?.start?.toolUse) {
      toolNames.push(item.contentBlockStart.start.toolUse.name!);
    } else if (item.contentBlockDelta?.delta?.text !== undefined) {
      onText(item.contentBlockDelta.delta.text);
    } else if (item.messageStop) {
      stopReason = item.messageStop.stopReason!;
    } else if (item.metadata) {
      outputTokens = item.metadata.usage!.outputTokens!;
    }
  }
  return { stopReason, outputTokens, toolNames };
}
