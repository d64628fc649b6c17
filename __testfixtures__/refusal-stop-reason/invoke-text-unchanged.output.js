import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-opus-4-1-20250805-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        messages: [{ role: "user", content: question }],
      }),
    })
  );
  const result = JSON.parse(response.body.transformToString());

  if (result.stop_reason === "refusal") {
    throw new Error(
      "Claude refused the request (stop reason: refusal, model: anthropic.claude-opus-4-1-20250805-v1:0)"
    );
  }

  return { text: result.content[0].text, usage: result.usage.output_tokens };
}
