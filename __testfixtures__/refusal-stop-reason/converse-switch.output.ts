import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

export class AnswerTruncatedError extends Error {}

export async function complete(prompt: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 2048 },
    }),
  );

  // Only a finished answer is usable.
  switch (response.stopReason) {
    case "end_turn":
    case "stop_sequence":
      return response.output?.message?.content?.[0]?.text ?? "";
    case "max_tokens":
      throw new AnswerTruncatedError("the answer was cut off");
    case "guardrail_intervened":
      return "This request was blocked by our content policy.";
    case "content_filtered":
    case "refusal" as string:
      throw new Error(
        `Claude refused the request (stop reason: ${response.stopReason}, model: ${MODEL})`,
      );
    default:
      throw new Error(`unexpected stop reason ${response.stopReason}`);
  }
}
