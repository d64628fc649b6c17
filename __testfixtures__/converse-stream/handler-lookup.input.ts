import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

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

  const handlers: Record<string, (event: StreamEvent) => void> = {
    content_block_start(event) {
      if (event.content_block.type === 'tool_use') toolNames.push(event.content_block.name!);
    },
    content_block_delta: (event) => {
      if (event.delta.type === 'text_delta') onText(event.delta.text!);
    },
    message_delta: (event) => {
      stopReason = event.delta.stop_reason;
      outputTokens = event.usage.output_tokens;
    },
  };

  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 700,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );

  for await (const item of response.body!) {
    const event: StreamEvent = JSON.parse(new TextDecoder().decode(item.chunk?.bytes));
    handlers[event.type]?.(event);
  }
  return { stopReason, outputTokens, toolNames };
}
