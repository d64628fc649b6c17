import type { InvokeModelCommandOutput } from "@aws-sdk/client-bedrock-runtime";

/** Stop reasons our dashboard knows about. */
export type ClaudeStopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "refusal";

export enum StopReasonCode {
  EndTurn = "end_turn",
  MaxTokens = "max_tokens",
  StopSequence = "stop_sequence",
  ToolUse = "tool_use",
  Refusal = "refusal"
}

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
    case StopReasonCode.Refusal:
      throw new Error("Claude refused the request (stop reason: refusal)");
  }
}
