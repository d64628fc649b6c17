import * as bedrock from "@aws-sdk/client-bedrock-runtime";

const client = new bedrock.BedrockRuntimeClient({ region: "ap-northeast-1" });

export interface Draft {
  text: string;
  complete: boolean;
}

export async function draftEmail(points: string[]): Promise<Draft> {
  const input: bedrock.ConverseCommandInput = {
    modelId: "apac.anthropic.claude-sonnet-4-20250514-v1:0",
    messages: [{ role: "user", content: [{ text: `Draft an email covering:\n- ${points.join("\n- ")}` }] }],
  };
  const response = await client.send(new bedrock.ConverseCommand(input));
  const text = response.output?.message?.content?.[0]?.text ?? "";
  if (response.stopReason === bedrock.StopReason.MAX_TOKENS) {
    return { text, complete: false };
  } else if (response.stopReason === bedrock.StopReason.GUARDRAIL_INTERVENED) {
    return { text: "", complete: false };
  } else if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: apac.anthropic.claude-sonnet-4-20250514-v1:0)`,
    );
  }
  return { text, complete: true };
}
