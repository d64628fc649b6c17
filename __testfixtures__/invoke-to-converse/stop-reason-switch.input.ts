import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function draftEmail(instructions: string): Promise<{ text: string; status: string }> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 700,
        messages: [{ role: "user", content: instructions }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  switch (result.stop_reason) {
    case "end_turn":
      return { text: result.content[0].text, status: "ok" };
    case "max_tokens":
      return { text: result.content[0].text, status: "truncated" };
    case "refusal":
      return { text: "", status: "refused" };
    default:
      return { text: "", status: String(result.stop_reason) };
  }
}
