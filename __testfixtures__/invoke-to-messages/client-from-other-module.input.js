const { getBedrockClient } = require("./aws");

// The client is built in ./aws.js (credentials from the app's config); this module only asks Claude.
async function summarize(text) {
  const bedrock = await getBedrockClient();
  const res = await bedrock.invokeModel({
    modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 300,
      messages: [{ role: "user", content: `Summarize in one sentence:\n${text}` }],
    }),
  });
  const payload = JSON.parse(new TextDecoder().decode(res.body));
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
