const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

async function lookup(city) {
  const reply = await mantle.messages.create({
    model: 'anthropic.claude-haiku-4-5',
    max_tokens: 500,
    tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }],
    messages: [{ role: 'user', content: `Weather in ${city}?` }],
  });
  const call = reply.content.find((b) => b.type === 'tool_use');
  return call ? { tool: call.name, input: call.input } : null;
}

module.exports = { lookup };
