import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = process.env.CLAUDE_MODEL_ID ?? "anthropic.claude-3-5-haiku-20241022-v1:0";

/**
 * @param {Array<{ role: "user" | "assistant", content: string | object[] }>} history
 * @param {string} question
 */
export async function ask(history, question) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 600,
        temperature: 0.2,
        messages: [...history, { role: "user", content: question }],
      }),
    }),
  );
  const { content, stop_reason } = JSON.parse(new TextDecoder().decode(res.body));
  return { text: content[0].text, truncated: stop_reason === "max_tokens" };
}
