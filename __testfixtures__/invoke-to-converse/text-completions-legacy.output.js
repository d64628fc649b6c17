const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function legacyComplete(question) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-v2:1",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.5 },
    }),
  );
  return response.output.message.content[0].text.trim();
}

module.exports = { legacyComplete };
