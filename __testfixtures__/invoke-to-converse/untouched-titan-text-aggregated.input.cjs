const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

const runtime = new BedrockRuntime({ region: "us-east-1" });

exports.generate = async function generate(prompt) {
  const res = await runtime.invokeModel({
    modelId: "amazon.titan-text-express-v1",
    contentType: "application/json",
    body: JSON.stringify({
      inputText: prompt,
      textGenerationConfig: { maxTokenCount: 512, temperature: 0.5, topP: 0.9 },
    }),
  });
  return JSON.parse(new TextDecoder().decode(res.body)).results[0].outputText;
};
