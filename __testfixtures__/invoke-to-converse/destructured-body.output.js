const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

exports.handler = async (event) => {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: event.prompt }] }],
      inferenceConfig: { maxTokens: 256 },
    }),
  );
  return { statusCode: 200, body: response.output.message.content[0].text };
};
