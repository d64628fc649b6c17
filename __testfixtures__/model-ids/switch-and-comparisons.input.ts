export function maxOutputFor(modelId: string): number {
  switch (modelId) {
    case "anthropic.claude-3-haiku-20240307-v1:0":
      return 4096;
    case "anthropic.claude-3-5-sonnet-20240620-v1:0":
    case "anthropic.claude-3-5-sonnet-20241022-v2:0":
      return 8192;
    default:
      return 64000;
  }
}

export function needsTextCompletions(modelId: string): boolean {
  if (modelId === "anthropic.claude-v2" || modelId === "anthropic.claude-instant-v1") {
    return true;
  }
  return false;
}

export const DEFAULT_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
