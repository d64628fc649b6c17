const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

function ask(question) {
  return client
    .send(
      new ConverseCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        messages: [{ role: "user", content: [{ text: question }] }],
        inferenceConfig: { maxTokens: 100 },
      }),
    )
    .then((res) => res.output.message.content[0].text);
}

module.exports = { ask };
