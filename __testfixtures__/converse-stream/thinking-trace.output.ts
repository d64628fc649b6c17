import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

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
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 3000 },
      additionalModelRequestFields: {
        thinking: { type: 'enabled', budget_tokens: 1024 },
      },
    }),
  );
  const trace: Trace = { reasoning: [], answer: '', blocks: [] };
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      trace.answer += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.text !== undefined) {
      trace.reasoning.push(event.contentBlockDelta.delta.reasoningContent.text);
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.signature !== undefined) {
      trace.signature = event.contentBlockDelta.delta.reasoningContent.signature;
    } else if (event.contentBlockStop) {
      trace.blocks.push(event.contentBlockStop.contentBlockIndex!);
    } else if (event.messageStop) {
      trace.stopReason = event.messageStop.stopReason!;
    }
  }
  return trace;
}
