const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const MODELS = {
  titan: "amazon.titan-text-express-v1",
  llama: "meta.llama3-70b-instruct-v1:0",
  mistral: "mistral.mistral-large-2402-v1:0",
  nova: "us.amazon.nova-pro-v1:0",
  cohere: "cohere.command-r-plus-v1:0",
};

// Claude runs elsewhere (see the claude-service package).
async function run(name, text) {
  const res = await client.send(
    new ConverseCommand({ modelId: MODELS[name], messages: [{ role: "user", content: [{ text }] }] }),
  );
  return res.output.message.content[0].text;
}

module.exports = { run, MODELS };
