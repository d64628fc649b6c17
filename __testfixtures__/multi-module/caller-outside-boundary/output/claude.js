import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function askClaude(prompt) {
  const response = await client.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  return toAnthropicMessage(response);
}

/**
 * A Converse response → the Anthropic Messages response shape the code after it reads (no id or model).
 */
function toAnthropicMessage(response) {
  const usage = response.usage;
  return {
    type: 'message',
    role: response.output?.message?.role ?? 'assistant',
    content: (response.output?.message?.content ?? []).map(toAnthropicBlock),
    stop_reason: response.stopReason,
    usage: {
      input_tokens: usage?.inputTokens ?? 0,
      output_tokens: usage?.outputTokens ?? 0,
      ...(usage?.cacheReadInputTokens === undefined ? {} : { cache_read_input_tokens: usage.cacheReadInputTokens }),
      ...(usage?.cacheWriteInputTokens === undefined ? {} : { cache_creation_input_tokens: usage.cacheWriteInputTokens }),
    },
  };
}

/** One Converse content block → the Anthropic block (text, tool_use, thinking). */
function toAnthropicBlock(block) {
  if (block.text !== undefined) return { type: 'text', text: block.text };
  if (block.toolUse) {
    return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  }
  if (block.reasoningContent?.reasoningText) {
    const reasoning = block.reasoningContent.reasoningText;
    return { type: 'thinking', thinking: reasoning.text, signature: reasoning.signature };
  }
  throw new Error('toAnthropicBlock: this Converse content block has no Anthropic mapping here');
}
