const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function rewrite(text, tone) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text }] }],
      system: [{ text: `Rewrite the user's text in a ${tone} tone.` }],
      inferenceConfig: { maxTokens: 500, temperature: 0.7 },
    }),
  );
  return response.output.message.content[0].text;
}

module.exports = { rewrite };
