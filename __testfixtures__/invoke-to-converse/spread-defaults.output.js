const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function tagline(product) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        {
          role: "user",
          content: [{ text: `Write a tagline for ${product}` }],
        },
      ],
      inferenceConfig: { maxTokens: 256, temperature: 0.3 },
    }),
  );
  return response.output.message.content[0].text;
}

async function slogan(product) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        { role: "user", content: [{ text: `Write a slogan for ${product}` }] },
      ],
      inferenceConfig: { maxTokens: 64, temperature: 0.3 },
    }),
  );
  return response.output.message.content[0].text;
}

module.exports = { tagline, slogan };
