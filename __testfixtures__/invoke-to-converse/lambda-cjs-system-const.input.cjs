const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });
const SYSTEM_PROMPT = "You are a support agent for Acme Cloud. Answer briefly.";

exports.handler = async (event) => {
  const body = typeof event.body === "string" ? JSON.parse(event.body) : event;
  const response = await client.send(
    new InvokeModelCommand({
      modelId: process.env.MODEL_ID || "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 512,
        system: SYSTEM_PROMPT,
        messages: [{ role: "user", content: body.message }],
      }),
    }),
  );
  const result = JSON.parse(Buffer.from(response.body).toString());
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reply: result.content[0].text, stop: result.stop_reason }),
  };
};
