import type { InvokeModelCommandOutput } from "@aws-sdk/client-bedrock-runtime";

/** Stop reasons our dashboard knows about. */
// TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added "refusal" to this type; review it
export type ClaudeStopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "refusal";

export enum StopReasonCode {
  EndTurn = "end_turn",
  MaxTokens = "max_tokens",
  StopSequence = "stop_sequence",
  ToolUse = "tool_use",
  // TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added the Refusal member; review it
  Refusal = "refusal"
}

// TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added "refusal" to this type; review it
export interface ParsedResponse {
  text: string;
  stopReason: "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "refusal" | null;
}

export function parse(output: InvokeModelCommandOutput): ParsedResponse {
  const body = JSON.parse(new TextDecoder().decode(output.body));
  return { text: body.content?.[0]?.text ?? "", stopReason: body.stop_reason };
}

export function severity(code: StopReasonCode): "info" | "warn" {
  switch (code) {
    case StopReasonCode.EndTurn:
    case StopReasonCode.StopSequence:
    case StopReasonCode.ToolUse:
      return "info";
    case StopReasonCode.MaxTokens:
      return "warn";
    // TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added a case that throws; review it (never use the partial output or resend the refused turn)
    case StopReasonCode.Refusal:
      throw new Error("Claude refused the request (stop reason: refusal)");
  }
}
