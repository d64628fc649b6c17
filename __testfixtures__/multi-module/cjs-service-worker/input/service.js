'use strict';

const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({});

async function summarize(text) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 200,
        system: 'Summarize the ticket in one sentence.',
        messages: [{ role: 'user', content: text }],
      }),
    }),
  );
  return JSON.parse(Buffer.from(res.body).toString());
}

module.exports = { summarize };
