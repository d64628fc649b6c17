import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-central-1" });
const MODEL_ID = "eu.anthropic.claude-3-5-sonnet-20240620-v1:0";

const defaults = {
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 1000,
  temperature: 0.3,
};

/** Feature teams pass their own messages, system prompt and sampling overrides. */
export async function complete(request: Record<string, unknown>): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: "application/json",
      body: JSON.stringify({ ...defaults, ...request }),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return data.content.map((block: { type: string; text?: string }) => (block.type === "text" ? block.text : "")).join("");
}
