// routes/explain.js, registered with fastify.register(require("./routes/explain"))
const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const bedrock = new BedrockRuntimeClient({ region: process.env.BEDROCK_REGION || "us-west-2" });

async function explainError(request, reply) {
  const { stack, language = "javascript" } = request.body;
  const out = await bedrock.send(new ConverseCommand({
    modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
    messages: [
      { role: "user", content: [{ text: `${language} error:\n${stack}` }] }
    ],
    system: [
      {
        text: "Explain the error to a junior developer in three sentences, then suggest a fix."
      }
    ],
    inferenceConfig: { maxTokens: 512, temperature: 0.3 }
  }));
  // fastify serializes whatever the handler returns
  return { explanation: out.output.message.content[0].text, tokens: out.usage.outputTokens };
}

module.exports = async function routes(fastify) {
  fastify.post("/explain", explainError);
};
module.exports.explainError = explainError;
