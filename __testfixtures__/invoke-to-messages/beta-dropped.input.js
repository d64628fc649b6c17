const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function lookup(city) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['token-efficient-tools-2025-02-19'],
        max_tokens: 500,
        top_k: 40,
        tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }],
        messages: [{ role: 'user', content: `Weather in ${city}?` }],
      }),
    }),
  );
  const reply = JSON.parse(new TextDecoder().decode(response.body));
  const call = reply.content.find((b) => b.type === 'tool_use');
  return call ? { tool: call.name, input: call.input } : null;
}

module.exports = { lookup };
