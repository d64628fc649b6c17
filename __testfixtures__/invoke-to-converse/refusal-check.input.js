import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function safeAnswer(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 512,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  if (message.stop_reason === "refusal") {
    return { refused: true, text: null };
  }
  return { refused: false, text: message.content[0].text };
}
