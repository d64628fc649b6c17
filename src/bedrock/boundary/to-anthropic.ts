/**
 * Boundary helper, response side: the source of `toAnthropicMessage(response)`, written once into a migrated
 * file where the parsed Anthropic message goes on to code the run cannot rewrite (a browser through
 * `res.json`, callers of an exported function, a `switch` on block types). The Converse response is turned
 * back into the Anthropic Messages response shape those readers expect (reference §3b, read backwards):
 * `type`, `role`, `content` (text, tool_use, thinking blocks), `stop_reason` (same strings), `usage`
 * (`input_tokens`, `output_tokens`, and the cache counts when Converse reports them). Converse has no
 * message `id`, `model` or `stop_sequence`: those fields are absent (the report says so).
 *
 * API (stable): `anthropicHelperSource(name, types)`; `anthropicHelperDependencies(name)`.
 */

export interface AnthropicHelperTypes {
  ConverseCommandOutput: string;
  ContentBlock: string;
}

export function anthropicHelperDependencies(name: string): string[] {
  return name === 'toAnthropicMessage' ? ['toAnthropicBlock'] : [];
}

export function anthropicHelperSource(name: string, types: AnthropicHelperTypes | undefined): string {
  const ts = types !== undefined;
  const t = (annotation: string) => (ts ? annotation : '');
  switch (name) {
    case 'toAnthropicMessage':
      return `/**
 * A Converse response → the Anthropic Messages response shape the code after it reads (no id or model).${ts ? '\n * Typed any, like the JSON.parse result it replaces, so the code after it type-checks as before.' : ''}
 */
function toAnthropicMessage(response${t(`: ${types?.ConverseCommandOutput}`)})${t(': any')} {
  const usage = response.usage;
  return {
    type: "message"${t(' as const')},
    role: response.output?.message?.role ?? "assistant",
    content: (response.output?.message?.content ?? []).map(toAnthropicBlock),
    stop_reason: response.stopReason,
    usage: {
      input_tokens: usage?.inputTokens ?? 0,
      output_tokens: usage?.outputTokens ?? 0,
      ...(usage?.cacheReadInputTokens === undefined ? {} : { cache_read_input_tokens: usage.cacheReadInputTokens }),
      ...(usage?.cacheWriteInputTokens === undefined ? {} : { cache_creation_input_tokens: usage.cacheWriteInputTokens }),
    },
  };
}`;
    case 'toAnthropicBlock':
      return `/** One Converse content block → the Anthropic block (text, tool_use, thinking). */
function toAnthropicBlock(block${t(`: ${types?.ContentBlock}`)}) {
  if (block.text !== undefined) return { type: "text"${t(' as const')}, text: block.text };
  if (block.toolUse) {
    return { type: "tool_use"${t(' as const')}, id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  }
  if (block.reasoningContent?.reasoningText) {
    const reasoning = block.reasoningContent.reasoningText;
    return { type: "thinking"${t(' as const')}, thinking: reasoning.text, signature: reasoning.signature };
  }
  throw new Error("toAnthropicBlock: this Converse content block has no Anthropic mapping here");
}`;
  }
  throw new Error(`unknown boundary helper ${name}`);
}
