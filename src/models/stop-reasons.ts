/**
 * Stop reasons of the two API shapes, from the API fact sheet (shared/reference/bedrock-claude-api.md).
 * Converse has no `refusal` and no `pause_turn` member (§2e); what Converse returns for a Claude refusal
 * is uncertain (§5).
 */

/** `stop_reason` values of the Anthropic Messages API: InvokeModel bodies and AnthropicBedrock (§1c). */
export const ANTHROPIC_STOP_REASONS = [
  'end_turn',
  'max_tokens',
  'stop_sequence',
  'tool_use',
  'pause_turn',
  'refusal',
  'model_context_window_exceeded',
] as const;

/** Members of the Converse `StopReason` enum in @aws-sdk/client-bedrock-runtime 3.1163 (§2e). */
export const CONVERSE_STOP_REASONS = [
  'content_filtered',
  'end_turn',
  'guardrail_intervened',
  'malformed_model_output',
  'malformed_tool_use',
  'max_tokens',
  'model_context_window_exceeded',
  'stop_sequence',
  'tool_use',
] as const;

const CONVERSE: ReadonlySet<string> = new Set(CONVERSE_STOP_REASONS);

/** Whether Converse's `stopReason` has this value as a member (the SDK passes other strings through). */
export function isConverseStopReason(value: string): boolean {
  return CONVERSE.has(value);
}
