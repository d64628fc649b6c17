const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

function ask(question) {
  return client
    .send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 100,
          messages: [{ role: "user", content: question }],
        }),
      }),
    )
    .then((res) => JSON.parse(new TextDecoder().decode(res.body)).content[0].text);
}

module.exports = { ask };
