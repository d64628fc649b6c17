import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

/** Relays the model's reasoning and answer to a worker that expects Anthropic delta events. */
export async function relayReasoning(question, postMessage) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 3000 },
      additionalModelRequestFields: {
        thinking: { type: 'enabled', budget_tokens: 1500 },
      },
    }),
  );
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      postMessage(toAnthropicDeltaEvent(event.contentBlockDelta));
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.text !== undefined) {
      postMessage(toAnthropicDeltaEvent(event.contentBlockDelta));
    }
  }
}

/** A ConverseStream content-block delta → the Anthropic `content_block_delta` event it stands for (the same JSON). */
function toAnthropicDeltaEvent(event) {
  const index = event.contentBlockIndex;
  const delta = event.delta;
  if (delta?.text !== undefined) return { type: 'content_block_delta', index, delta: { type: 'text_delta', text: delta.text } };
  if (delta?.toolUse) return { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: delta.toolUse.input } };
  if (delta?.reasoningContent?.text !== undefined) {
    return { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: delta.reasoningContent.text } };
  }
  if (delta?.reasoningContent?.signature !== undefined) {
    return { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: delta.reasoningContent.signature } };
  }
  throw new Error('This ConverseStream delta has no Anthropic content_block_delta counterpart');
}
