import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

interface ClaudeBody {
  content: Array<{ type: string; text?: string }>;
}

export async function quickAnswer(question: string): Promise<string> {
  // bedrock-claude-codemod-ignore: this prototype only talks to Claude 3 Haiku.
  const response = await client.send(
    new ConverseCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", messages: [{ role: "user", content: [{ text: question }] }] }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}

export async function destructured(question: string): Promise<string> {
  const { output, stopReason } = await client.send(
    new ConverseCommand({ modelId: "anthropic.claude-sonnet-4-20250514-v1:0", messages: [{ role: "user", content: [{ text: question }] }] }),
  );

  if (stopReason === "content_filtered" || stopReason === ("refusal" as string)) {
    throw new Error(
      `Claude refused the request (stop reason: ${stopReason}, model: anthropic.claude-sonnet-4-20250514-v1:0)`,
    );
  }

  return output?.message?.content?.[0]?.text ?? "";
}

export async function typedBody(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 100, messages: [{ role: "user", content: question }] }),
    }),
  );
  // TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": check the stop reason before the text read here is used
  const body: ClaudeBody = JSON.parse(new TextDecoder().decode(response.body));
  return body.content[0]?.text ?? "";
}
