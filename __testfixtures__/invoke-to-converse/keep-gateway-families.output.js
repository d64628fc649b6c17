const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({});

// One call for every model family the app offers.
async function generate(modelId, prompt) {
  let body;
  if (modelId.startsWith("anthropic.")) {
    body = {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 1024,
      messages: [{ role: "user", content: prompt }],
    };
  } else if (modelId.startsWith("meta.")) {
    body = { prompt, max_gen_len: 1024 };
  } else {
    body = { inputText: prompt, textGenerationConfig: { maxTokenCount: 1024 } };
  }
  // TODO(bedrock-claude-codemod): InvokeModel call kept: one call serves Claude and other model families (Llama, Titan)
  const response = await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify(body) }));
  const json = JSON.parse(new TextDecoder().decode(response.body));
  if (modelId.startsWith("anthropic.")) return json.content[0].text;
  if (modelId.startsWith("meta.")) return json.generation;
  return json.results[0].outputText;
}

module.exports = { generate };
