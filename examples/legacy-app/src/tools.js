// Tool use: the model may ask for the weather; we run the tool and send the result back.
const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    input_schema: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  },
];

async function getWeather(city) {
  return { city, temperatureC: 21, sky: 'clear' };
}

async function callClaude(messages) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        tools,
        messages,
      }),
    }),
  );
  return JSON.parse(Buffer.from(res.body).toString('utf8'));
}

async function answerWithTools(question) {
  const messages = [{ role: 'user', content: question }];
  let reply = await callClaude(messages);
  while (reply.stop_reason === 'tool_use') {
    const call = reply.content.find((block) => block.type === 'tool_use');
    const result = await getWeather(call.input.city);
    messages.push({ role: 'assistant', content: reply.content });
    messages.push({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: call.id, content: JSON.stringify(result) }],
    });
    reply = await callClaude(messages);
  }
  return reply.content.filter((block) => block.type === 'text').map((block) => block.text).join('');
}

module.exports = { answerWithTools };
