const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const bedrock = new BedrockRuntimeClient({ region: "us-west-2" });

async function rerank(query, passages) {
  const command = new InvokeModelCommand({
    modelId: "cohere.rerank-v3-5:0",
    contentType: "application/json",
    body: JSON.stringify({ query, documents: passages, top_n: 5, api_version: 2 }),
  });
  const res = await bedrock.send(command);
  const { results } = JSON.parse(new TextDecoder().decode(res.body));
  return results.map((r) => passages[r.index]);
}

module.exports = { rerank };
