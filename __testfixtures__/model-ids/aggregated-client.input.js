const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

const runtime = new BedrockRuntime({ region: "eu-west-1" });

exports.rewrite = async function rewrite(text) {
  const res = await runtime.converse({
    modelId: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
    messages: [{ role: "user", content: [{ text: `Rewrite politely:\n${text}` }] }],
    inferenceConfig: {
      maxTokens: 600,
      temperature: 0.6,
      topP: 0.95,
    },
  });
  return res.output.message.content[0].text;
};

exports.raw = async function raw(text) {
  const res = await runtime.invokeModel({
    modelId: "eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 100000,
      messages: [{ role: "user", content: text }],
    }),
  });
  return JSON.parse(new TextDecoder().decode(res.body));
};
