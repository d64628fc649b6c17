'use strict';

const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({});

async function summarize(text) {
  const res = await client.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text }] }],
      system: [{ text: 'Summarize the ticket in one sentence.' }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return res;
}

module.exports = { summarize };
