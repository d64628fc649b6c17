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

  // TODO(bedrock-claude-codemod): Claude 4 "refusal" stop reason: added a check that throws; review it (never use the partial output or resend the refused turn). Converse has no "refusal" member: content_filtered and the raw "refusal" string are both treated as a refusal (what Converse really returns is uncertain)
  if (response.stopReason === "content_filtered" || response.stopReason === "refusal") {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: us.anthropic.claude-haiku-4-5-20251001-v1:0)`
    );
  }

  const lines = response.output.message.content[0].text.split("\n");
  return lines.filter(Boolean);
}
