import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function callClaude(prompt) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 4096,
        messages: [{ role: "user", content: prompt }],
      }),
    })
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}
