import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function draftEmail(instructions: string): Promise<{ text: string; status: string }> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: [{ text: instructions }] }],
      inferenceConfig: { maxTokens: 700 },
    }),
  );
  switch (response.stopReason as string) {
    case "end_turn":
      return { text: response.output!.message!.content![0].text!, status: "ok" };
    case "max_tokens":
      return { text: response.output!.message!.content![0].text!, status: "truncated" };
    // Converse has no "refusal" stop reason; the SDK passes unknown values through unchanged.
    case "refusal":
      return { text: "", status: "refused" };
    default:
      return { text: "", status: String(response.stopReason!) };
  }
}
