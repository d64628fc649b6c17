import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Trace {
  reasoning: string[];
  signature?: string;
  answer: string;
  blocks: number[];
  stopReason?: string;
}

/** Keeps the model's reasoning next to its answer, for an audit log. */
export async function tracedAnswer(question: string): Promise<Trace> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 3000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  const trace: Trace = { reasoning: [], answer: '', blocks: [] };
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta') {
      switch (chunk.delta.type) {
        case 'thinking_delta':
          trace.reasoning.push(chunk.delta.thinking);
          break;
        case 'signature_delta':
          trace.signature = chunk.delta.signature;
          break;
        case 'text_delta':
          trace.answer += chunk.delta.text;
          break;
      }
    } else if (chunk.type === 'content_block_stop') {
      trace.blocks.push(chunk.index);
    } else if (chunk.type === 'message_delta') {
      trace.stopReason = chunk.delta.stop_reason;
    }
  }
  return trace;
}
