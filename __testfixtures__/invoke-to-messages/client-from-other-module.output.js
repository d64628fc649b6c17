const { getBedrockClient } = require("./aws");

const { AnthropicBedrockMantle } = require("@anthropic-ai/bedrock-sdk");
const mantle = new AnthropicBedrockMantle();

// The client is built in ./aws.js (credentials from the app's config); this module only asks Claude.
async function summarize(text) {
  const bedrock = await getBedrockClient();
  const payload = await mantle.messages.create({
    model: "anthropic.claude-haiku-4-5",
    max_tokens: 300,
    messages: [{ role: "user", content: `Summarize in one sentence:\n${text}` }],
  });
  return payload.content[0].text;
}

async function embed(text) {
  const bedrock = await getBedrockClient();
  const res = await bedrock.invokeModel({
    modelId: "amazon.titan-embed-text-v2:0",
    body: JSON.stringify({ inputText: text }),
  });
  return JSON.parse(new TextDecoder().decode(res.body)).embedding;
}

module.exports = { summarize, embed };
