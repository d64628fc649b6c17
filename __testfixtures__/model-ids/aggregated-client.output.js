const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

const runtime = new BedrockRuntime({ region: "eu-west-1" });

exports.rewrite = async function rewrite(text) {
  const res = await runtime.converse({
    modelId: "eu.anthropic.claude-sonnet-4-6",
    messages: [{ role: "user", content: [{ text: `Rewrite politely:\n${text}` }] }],
    // TODO(bedrock-claude-codemod): Claude Sonnet 4.6 accepts temperature or topP, not both (400 when both are set): kept temperature, removed topP
    inferenceConfig: {
      maxTokens: 600,
      temperature: 0.6,
    },
  });
  return res.output.message.content[0].text;
};

exports.raw = async function raw(text) {
  const res = await runtime.invokeModel({
    modelId: "eu.anthropic.claude-sonnet-4-6",
    // TODO(bedrock-claude-codemod): max_tokens 100000 is above Claude Sonnet 4.6's output limit of 64000 tokens
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 100000,
      messages: [{ role: "user", content: text }],
    }),
  });
  return JSON.parse(new TextDecoder().decode(res.body));
};
