import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

/** Returns the suggested reply, or null when there is none. */
export async function suggestReply(email: string): Promise<string | null> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: `Suggest a reply to:\n${email}` }] }],
    }),
  );

  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    return null;
  }

  return response.output?.message?.content?.[0]?.text ?? "";
}

export async function subjectLine(email: string): Promise<string> {
  // TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": check the stop reason before the text read here is used
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: `Write a subject line for:\n${email}` }] }],
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "(no subject)";
}
