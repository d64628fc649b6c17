// An OpenAI-compatible gateway client: stop reasons look alike, but nothing here calls Bedrock or Anthropic.
export type FinishReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use";

export interface GatewayResponse {
  text: string;
  stop_reason: FinishReason;
}

export function describe(response: GatewayResponse): string {
  switch (response.stop_reason) {
    case "end_turn":
      return response.text;
    case "max_tokens":
      return `${response.text}…`;
    default:
      return "";
  }
}
