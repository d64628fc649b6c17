'use strict';

const bedrock = require('@aws-sdk/client-bedrock-runtime');

const runtime = new bedrock.BedrockRuntimeClient({ region: 'us-west-2' });

async function extractJson(document) {
  const command = new bedrock.InvokeModelCommand({
    modelId: 'anthropic.claude-fable-5',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 800,
      system: [{ type: 'text', text: 'Extract the fields as JSON.', cache_control: { type: 'ephemeral' } }],
      stop_sequences: ['</json>'],
      messages: [{ role: 'user', content: [{ type: 'text', text: document }] }],
    }),
  });
  const result = await runtime.send(command);
  const body = JSON.parse(result.body.transformToString());
  return { text: body.content[0].text, stop: body.stop_reason, usage: body.usage };
}

module.exports = { extractJson };
