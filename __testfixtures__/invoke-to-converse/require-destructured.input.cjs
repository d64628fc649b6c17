"use strict";

const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || "us-east-1" });
const MODEL_ID = "anthropic.claude-3-sonnet-20240229-v1:0";

async function classify(ticket) {
  const command = new InvokeModelCommand({
    modelId: MODEL_ID,
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 20,
      temperature: 0,
      system: "Answer with one word: bug, feature or question.",
      messages: [{ role: "user", content: `Ticket: ${ticket}` }],
    }),
  });
  const response = await client.send(command);
  const result = JSON.parse(Buffer.from(response.body).toString("utf8"));
  return {
    label: result.content[0].text,
    tokens: result.usage.input_tokens + result.usage.output_tokens,
  };
}

module.exports = { classify };
