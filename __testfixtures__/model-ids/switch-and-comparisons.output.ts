export function maxOutputFor(modelId: string): number {
  switch (modelId) {
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-haiku-20240307-v1:0 (Claude 3 Haiku, retired); the code now selects global.anthropic.claude-haiku-4-5-20251001-v1:0: update this check
    case "anthropic.claude-3-haiku-20240307-v1:0":
      return 4096;
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-5-sonnet-20240620-v1:0 (Claude 3.5 Sonnet, retired); the code now selects global.anthropic.claude-sonnet-4-6: update this check
    case "anthropic.claude-3-5-sonnet-20240620-v1:0":
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-5-sonnet-20241022-v2:0 (Claude 3.5 Sonnet v2, retired); the code now selects global.anthropic.claude-sonnet-4-6: update this check
    case "anthropic.claude-3-5-sonnet-20241022-v2:0":
      return 8192;
    default:
      return 64000;
  }
}

export function needsTextCompletions(modelId: string): boolean {
  // TODO(bedrock-claude-codemod): compares with anthropic.claude-v2 (Claude 2.0, retired); the code now selects global.anthropic.claude-opus-4-6-v1: update this check
  // TODO(bedrock-claude-codemod): compares with anthropic.claude-instant-v1 (Claude Instant 1.2, retired); the code now selects global.anthropic.claude-haiku-4-5-20251001-v1:0: update this check
  if (modelId === "anthropic.claude-v2" || modelId === "anthropic.claude-instant-v1") {
    return true;
  }
  return false;
}

export const DEFAULT_MODEL = "global.anthropic.claude-sonnet-4-6";
