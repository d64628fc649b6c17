let clientPromise;

async function getClient() {
  clientPromise ??= import("@aws-sdk/client-bedrock-runtime").then(({ BedrockRuntimeClient }) => new BedrockRuntimeClient({ region: "us-east-1" }));
  return clientPromise;
}

export async function haiku(topic) {
  const { ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
  const client = await getClient();
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
      messages: [{ role: "user", content: [{ text: `Write a haiku about ${topic}.` }] }],
      inferenceConfig: { maxTokens: 100 },
    })
  );

  if (response.stopReason === "content_filtered" || response.stopReason === "refusal") {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: us.anthropic.claude-haiku-4-5-20251001-v1:0)`
    );
  }

  const lines = response.output.message.content[0].text.split("\n");
  return lines.filter(Boolean);
}
