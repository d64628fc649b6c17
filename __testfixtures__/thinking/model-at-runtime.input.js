const { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({});

async function ask(prompt) {
  const response = await client.send(
    new ConverseCommand({
      modelId: process.env.MODEL_ID,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 4096 },
    })
  );
  return response.output.message.content[0].text;
}

async function titan(prompt) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "amazon.titan-text-express-v1",
      body: JSON.stringify({ inputText: prompt, textGenerationConfig: { maxTokenCount: 512 } }),
    })
  );
  return JSON.parse(new TextDecoder().decode(response.body)).results[0].outputText;
}

module.exports = { ask, titan };
