import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export class RefusalError extends Error {}

export async function viaInvoke(prompt: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: prompt }] }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  switch (body.stop_reason) {
    case "end_turn":
      return body.content[0].text;
    case "refusal":
      throw new RefusalError("refused");
    default:
      throw new Error(body.stop_reason);
  }
}

export async function viaConverse(prompt: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", messages: [{ role: "user", content: [{ text: prompt }] }] }),
  );
  if (response.stopReason !== "end_turn") {
    throw new Error(`stopped early: ${response.stopReason}`);
  }
  return response.output?.message?.content?.[0]?.text ?? "";
}

export async function checkedByHelper(prompt: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", messages: [{ role: "user", content: [{ text: prompt }] }] }),
  );
  assertNotRefused(response);
  return response.output?.message?.content?.[0]?.text ?? "";
}

function assertNotRefused(response: { stopReason?: string }): void {
  if (response.stopReason === "content_filtered" || response.stopReason === "refusal") throw new RefusalError("refused");
}
