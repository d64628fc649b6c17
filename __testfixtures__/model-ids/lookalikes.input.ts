// Strings that look like Claude IDs but are not one, and comments that name legacy IDs
// (anthropic.claude-3-haiku-20240307-v1:0, anthropic.claude-v2): nothing here changes.

export const FAMILY_PREFIX = "anthropic.claude-3";
export const CUSTOM = "anthropic.claude-3-haiku-20240307-v1:0-finetuned";
export const DOC_LINK = "https://docs.example.com/models/anthropic.claude-3-5-sonnet-20240620-v1:0";
export const LOG_LINE = "falling back from anthropic.claude-3-haiku-20240307-v1:0 to a newer model";
export const FIRST_PARTY = "claude-3-5-sonnet-20241022";
export const UNKNOWN_PREFIX = "ca.anthropic.claude-3-haiku-20240307-v1:0";
export const UPPER = "ANTHROPIC.CLAUDE-V2";
export const CSS = "claude-card claude-card--active";

export function isClaude3(modelId: string): boolean {
  return modelId.startsWith("anthropic.claude-3") || modelId.includes("claude-3-");
}

/** Default: anthropic.claude-3-5-sonnet-20240620-v1:0 */
export function label(modelId: string): string {
  return modelId.replace(/^anthropic\.claude-/, "Claude ");
}
