const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

const runtime = new BedrockRuntime({ region: "us-east-1" });

// Called by the chat service with the request its HTTP handler received.
module.exports.reply = async function reply(request) {
  const res = await runtime.invokeModel({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: request.maxTokens || 256,
      messages: request.messages,
    }),
  });
  const parsed = JSON.parse(Buffer.from(res.body).toString("utf8"));
  return parsed.content.map((block) => block.text).join("");
};
