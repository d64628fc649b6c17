import { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function plan(task) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-opus-4-7",
      contentType: "application/json",
      // TODO(bedrock-claude-codemod): Claude Opus 4.7 does not accept thinking type "enabled" (400): switched to adaptive thinking and removed…
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 16000,
        thinking: { type: "adaptive" },
        messages: [{ role: "user", content: task }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}

export async function critique(draft) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-opus-4-7",
      messages: [{ role: "user", content: [{ text: draft }] }],
      // TODO(bedrock-claude-codemod): Claude Opus 4.7 rejects non-default temperature, top_p and top_k (400): removed temperature
      inferenceConfig: {
        maxTokens: 2048,
      },
      // TODO(bedrock-claude-codemod): Claude Opus 4.7 rejects non-default temperature, top_p and top_k (400): removed top_k
      additionalModelRequestFields: {},
    }),
  );
  return response.output.message.content[0].text;
}
