export async function complete(prompt) {
  const { BedrockRuntimeClient, InvokeModelCommand } = await import("@aws-sdk/client-bedrock-runtime");
  const client = new BedrockRuntimeClient({ region: "us-east-1" });
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 128,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  const { content } = JSON.parse(new TextDecoder().decode(response.body));
  return content[0].text;
}
