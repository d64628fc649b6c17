'use strict';

const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-west-2' });

async function extractJson(document) {
  const body = await mantle.messages.create({
    model: 'anthropic.claude-fable-5',
    max_tokens: 800,
    system: [{ type: 'text', text: 'Extract the fields as JSON.', cache_control: { type: 'ephemeral' } }],
    stop_sequences: ['</json>'],
    messages: [{ role: 'user', content: [{ type: 'text', text: document }] }],
  });
  return { text: body.content[0].text, stop: body.stop_reason, usage: body.usage };
}

module.exports = { extractJson };
