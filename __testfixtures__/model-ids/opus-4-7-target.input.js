import { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function plan(task) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-opus-4-20250514-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 16000,
        thinking: { type: "enabled", budget_tokens: 8000 },
        messages: [{ role: "user", content: task }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}

export async function critique(draft) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-3-opus-20240229-v1:0",
      messages: [{ role: "user", content: [{ text: draft }] }],
      inferenceConfig: {
        maxTokens: 2048,
        temperature: 0.5,
      },
      additionalModelRequestFields: {
        top_k: 50,
      },
    }),
  );
  return response.output.message.content[0].text;
}
