import type { ConverseCommandOutput, StopReason } from "@aws-sdk/client-bedrock-runtime";

export type Outcome = "ok" | "truncated" | "blocked" | "tool";

export function outcomeOf(stopReason: StopReason | undefined): Outcome {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return "ok";
    case "max_tokens":
      return "truncated";
    case "tool_use":
      return "tool";
    // TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added a "refusal" label to the content_filtered case that shares its handling; review it (never use the partial output or resend the refused turn). Converse has no "refusal" member: content_filtered and the raw "refusal" string are both treated as a refusal (what Converse really returns is uncertain)
    case "refusal" as string:
    case "content_filtered":
    case "guardrail_intervened":
      return "blocked";
    default:
      return "ok";
  }
}

export function summarize(output: ConverseCommandOutput): string {
  return `${outcomeOf(output.stopReason)} after ${output.usage?.outputTokens ?? 0} tokens`;
}
