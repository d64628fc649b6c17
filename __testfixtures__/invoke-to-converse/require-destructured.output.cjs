"use strict";

const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || "us-east-1" });
const MODEL_ID = "anthropic.claude-3-sonnet-20240229-v1:0";

async function classify(ticket) {
  const command = new ConverseCommand({
    modelId: MODEL_ID,
    messages: [{ role: "user", content: [{ text: `Ticket: ${ticket}` }] }],
    system: [{ text: "Answer with one word: bug, feature or question." }],
    inferenceConfig: { maxTokens: 20, temperature: 0 },
  });
  const response = await client.send(command);
  return {
    label: response.output.message.content[0].text,
    tokens: response.usage.inputTokens + response.usage.outputTokens,
  };
}

module.exports = { classify };
