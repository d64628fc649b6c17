// routes/explain.js, registered with fastify.register(require("./routes/explain"))
const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const bedrock = new BedrockRuntimeClient({ region: process.env.BEDROCK_REGION || "us-west-2" });

async function explainError(request, reply) {
  const { stack, language = "javascript" } = request.body;
  const out = await bedrock.send(new InvokeModelCommand({
    modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 512,
      temperature: 0.3,
      system: "Explain the error to a junior developer in three sentences, then suggest a fix.",
      messages: [{ role: "user", content: [{ type: "text", text: `${language} error:\n${stack}` }] }]
    })
  }));
  const msg = JSON.parse(new TextDecoder().decode(out.body));
  // fastify serializes whatever the handler returns
  return { explanation: msg.content[0].text, tokens: msg.usage.output_tokens };
}

module.exports = async function routes(fastify) {
  fastify.post("/explain", explainError);
};
module.exports.explainError = explainError;
