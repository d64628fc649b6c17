const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });
const SYSTEM_PROMPT = "You are a support agent for Acme Cloud. Answer briefly.";

exports.handler = async (event) => {
  const body = typeof event.body === "string" ? JSON.parse(event.body) : event;
  const response = await client.send(
    new ConverseCommand({
      modelId: process.env.MODEL_ID || "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: body.message }] }],
      system: [{ text: SYSTEM_PROMPT }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reply: response.output.message.content[0].text, stop: response.stopReason }),
  };
};
