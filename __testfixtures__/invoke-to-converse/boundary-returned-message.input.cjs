"use strict";

const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-west-2" });

// Other services of the monorepo require this module and read the Anthropic message themselves.
async function callClaude(prompt, maxTokens = 512) {
  const command = new InvokeModelCommand({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: maxTokens,
      messages: [{ role: "user", content: prompt }],
    }),
  });
  const response = await client.send(command);
  return JSON.parse(new TextDecoder().decode(response.body));
}

async function summarize(text) {
  const message = await callClaude(`Summarize in one sentence:\n\n${text}`);
  return { summary: message.content[0].text, tokens: message.usage.output_tokens, stop: message.stop_reason };
}

module.exports = { callClaude, summarize };
