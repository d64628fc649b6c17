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
