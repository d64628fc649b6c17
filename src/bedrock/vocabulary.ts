/**
 * Anthropic Messages ↔ Converse names, as data (API reference §3a, §3b). The mappings in request/ and
 * response/ read these tables; no field name of one API is spelled out for the other anywhere else.
 */

/** InvokeModel input fields that Converse has no place for and that carry no meaning there (§3a). */
export const INPUT_DROPPED = new Set(['contentType', 'accept']);

/** Anthropic sampling fields → Converse `inferenceConfig` members. */
export const SAMPLING: Record<string, string> = {
  max_tokens: 'maxTokens',
  temperature: 'temperature',
  top_p: 'topP',
  stop_sequences: 'stopSequences',
};

/** Anthropic body fields passed on unchanged in `additionalModelRequestFields`. */
export const ADDITIONAL = new Set(['top_k', 'thinking', 'anthropic_beta']);

/** Body keys the `toConverseRequest` boundary helper maps (§3a). */
export const CONVERTIBLE_KEYS = new Set(['anthropic_version', 'messages', 'system', 'max_tokens', 'temperature', 'top_p', 'stop_sequences', 'tools', 'tool_choice', 'top_k', 'thinking', 'anthropic_beta']);

/** Anthropic `usage` fields → Converse `usage` fields (§3b). */
export const USAGE_FIELDS: Record<string, string> = {
  input_tokens: 'inputTokens',
  output_tokens: 'outputTokens',
  cache_read_input_tokens: 'cacheReadInputTokens',
  cache_creation_input_tokens: 'cacheWriteInputTokens',
};

/** Fields of the Anthropic message the Converse output does not carry (§3b). */
export const ANTHROPIC_ONLY = ['id', 'model', 'stop_sequence', 'completion'];

/** Fields of a `tool_use` block → their name in a Converse `toolUse` block. */
export const TOOL_USE_FIELDS: Record<string, string> = { id: 'toolUseId', name: 'name', input: 'input' };

/** Anthropic block `type` → the Converse member whose presence tests it (§3b). */
export const BLOCK_TYPES: Record<string, string> = {
  text: 'text',
  tool_use: 'toolUse',
  thinking: 'reasoningContent.reasoningText',
  redacted_thinking: 'reasoningContent.redactedContent',
};

/** Fields of a thinking block → their name in a Converse `reasoningContent.reasoningText` block. */
export const THINKING_FIELDS: Record<string, string> = { thinking: 'text', signature: 'signature' };

/** Where the parsed Anthropic message's top-level fields live in the Converse output. */
export const MESSAGE_FIELDS: Record<string, string[]> = {
  content: ['output', 'message', 'content'],
  role: ['output', 'message', 'role'],
  stop_reason: ['stopReason'],
  usage: ['usage'],
};

/** SDK types of InvokeModel → those of Converse. */
export const INVOKE_MODEL_TYPES: Record<string, string> = {
  InvokeModelCommandInput: 'ConverseCommandInput',
  InvokeModelCommandOutput: 'ConverseCommandOutput',
  InvokeModelRequest: 'ConverseRequest',
  InvokeModelResponse: 'ConverseResponse',
};
