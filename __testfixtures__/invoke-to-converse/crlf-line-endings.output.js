const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "eu-west-1" });

// Written on Windows: CRLF line endings stay CRLF.
async function ask(question) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "eu.anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return response.output.message.content[0].text;
}

module.exports = { ask };
