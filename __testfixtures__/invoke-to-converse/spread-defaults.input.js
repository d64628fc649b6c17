const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const DEFAULTS = {
  anthropic_version: "bedrock-2023-05-31",
  max_tokens: 256,
  temperature: 0.3,
};

async function tagline(product) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        ...DEFAULTS,
        messages: [{ role: "user", content: `Write a tagline for ${product}` }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}

async function slogan(product) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        ...DEFAULTS,
        max_tokens: 64,
        messages: [{ role: "user", content: `Write a slogan for ${product}` }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}

module.exports = { tagline, slogan };
