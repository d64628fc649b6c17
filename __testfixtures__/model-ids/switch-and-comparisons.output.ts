export function maxOutputFor(modelId: string): number {
  switch (modelId) {
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-haiku-20240307-v1:0: update this check (calls now use Claude Haiku 4.5)
    case "anthropic.claude-3-haiku-20240307-v1:0":
      return 4096;
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-5-sonnet-20240620-v1:0: update this check (calls now use Claude Sonnet 4.6)
    case "anthropic.claude-3-5-sonnet-20240620-v1:0":
    // TODO(bedrock-claude-codemod): compares with anthropic.claude-3-5-sonnet-20241022-v2:0: update this check (calls now use Claude Sonnet 4.6)
    case "anthropic.claude-3-5-sonnet-20241022-v2:0":
      return 8192;
    default:
      return 64000;
  }
}

export function needsTextCompletions(modelId: string): boolean {
  // TODO(bedrock-claude-codemod): compares with anthropic.claude-v2: update this check (calls now use Claude Opus 4.6)
  // TODO(bedrock-claude-codemod): compares with anthropic.claude-instant-v1: update this check (calls now use Claude Haiku 4.5)
  if (modelId === "anthropic.claude-v2" || modelId === "anthropic.claude-instant-v1") {
    return true;
  }
  return false;
}

export const DEFAULT_MODEL = "global.anthropic.claude-sonnet-4-6";
