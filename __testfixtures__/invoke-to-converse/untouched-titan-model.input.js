const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Amazon Titan embeddings: InvokeModel with a Titan body, not a Claude call.
async function embed(text) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "amazon.titan-embed-text-v2:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({ inputText: text, dimensions: 512 }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).embedding;
}

module.exports = { embed };
