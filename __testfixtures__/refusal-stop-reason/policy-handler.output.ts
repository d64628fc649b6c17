import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export class ModerationError extends Error {
  constructor(readonly details: unknown) {
    super("The model declined this request.");
  }
}

/** Our one place to log and surface declined requests. */
function handleRefusal(response: unknown): never {
  throw new ModerationError(response);
}

export async function rewrite(text: string, tone: "formal" | "casual"): Promise<string> {
  const output = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 800,
        messages: [{ role: "user", content: `Rewrite in a ${tone} tone:\n${text}` }],
      }),
    }),
  );
  const result = JSON.parse(Buffer.from(output.body).toString("utf8"));

  if (result.stop_reason === "refusal") {
    return handleRefusal(result);
  }

  return result.content[0].text;
}
