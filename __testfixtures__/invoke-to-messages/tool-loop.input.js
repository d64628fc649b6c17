import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    input_schema: {
      type: 'object',
      properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location'],
    },
  },
];

function runTool(name, input) {
  if (name === 'get_weather') return JSON.stringify({ location: input.location, temperature: 12, conditions: 'rain' });
  throw new Error(`unknown tool ${name}`);
}

export async function weatherAgent(question) {
  const messages = [{ role: 'user', content: question }];
  for (let step = 0; step < 5; step++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: 'anthropic.claude-opus-4-7',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 1024,
          tools,
          tool_choice: { type: 'auto' },
          messages,
        }),
      }),
    );
    const message = JSON.parse(new TextDecoder().decode(response.body));
    messages.push({ role: 'assistant', content: message.content });
    if (message.stop_reason !== 'tool_use') {
      return { answer: message.content.find((b) => b.type === 'text')?.text, steps: step + 1 };
    }
    const results = message.content
      .filter((block) => block.type === 'tool_use')
      .map((block) => ({ type: 'tool_result', tool_use_id: block.id, content: runTool(block.name, block.input) }));
    messages.push({ role: 'user', content: results });
  }
  throw new Error('too many steps');
}
