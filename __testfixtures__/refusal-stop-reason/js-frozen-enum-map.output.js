import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

export const StopReasons = Object.freeze({
  END_TURN: "end_turn",
  MAX_TOKENS: "max_tokens",
  TOOL_USE: "tool_use",
  CONTENT_FILTERED: "content_filtered",
  GUARDRAIL_INTERVENED: "guardrail_intervened",
  REFUSAL: "refusal",
});

// TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": add an entry for it to this map (its value is yours to choose)
const metricNames = new Map([
  ["end_turn", "claude.ok"],
  ["max_tokens", "claude.truncated"],
  ["guardrail_intervened", "claude.guardrail"],
]);

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function converseWithMetrics(messages, metrics) {
  const response = await client.send(new ConverseCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", messages }));
  metrics.increment(metricNames.get(response.stopReason) ?? "claude.other");
  return response;
}
