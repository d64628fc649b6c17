import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

// TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": add "refusal" to the stop reasons in this type; the Record it keys needs one too
type StopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use";

// TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": add an entry for it to this map (its value is yours to choose)
const USER_MESSAGES: Record<StopReason, string> = {
  end_turn: "",
  max_tokens: "The answer was too long and has been shortened.",
  stop_sequence: "",
  tool_use: "Working on it…",
};

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function chat(prompt: string): Promise<{ text: string; notice: string }> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 512,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  const reason = body.stop_reason as StopReason;
  return { text: body.content[0]?.text ?? "", notice: USER_MESSAGES[reason] };
}
