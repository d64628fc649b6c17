export async function handler(event) {
  const { BedrockRuntimeClient, ConverseCommand } = await import("@aws-sdk/client-bedrock-runtime");
  const client = new BedrockRuntimeClient({});
  const result = await client.send(
    new ConverseCommand({
      // TODO(bedrock-claude-codemod): Claude Sonnet 4.6 has no documented "apac" inference profile; choose a profile by hand
      modelId: "apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [{ role: "user", content: [{ text: event.prompt }] }],
    }),
  );
  const fallback = await client.send(
    new ConverseCommand({
      // TODO(bedrock-claude-codemod): Claude Haiku 4.5 has no documented "apac" inference profile; choose a profile by hand
      modelId: "apac.anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: event.prompt }] }],
    }),
  );
  return [result.output.message.content[0].text, fallback.output.message.content[0].text];
}
