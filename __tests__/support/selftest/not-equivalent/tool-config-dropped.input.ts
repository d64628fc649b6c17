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

function runTool(name: string, input: { location: string }): string {
  return name === 'get_weather' ? `12 degrees and raining in ${input.location}` : 'unknown tool';
}

export async function weatherAgent(question: string) {
  const messages: any[] = [{ role: 'user', content: question }];
  const toolCalls: string[] = [];
  for (let step = 0; step < 5; step++) {
    const res = await client.send(
      new InvokeModelCommand({
        modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 1024,
          tools,
          tool_choice: { type: 'auto' },
          messages,
        }),
      }),
    );
    const reply = JSON.parse(Buffer.from(res.body).toString('utf8'));
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') {
      const text = reply.content.filter((b: any) => b.type === 'text').map((b: any) => b.text).join('');
      return { text, toolCalls, steps: step + 1 };
    }
    const results = [];
    for (const block of reply.content) {
      if (block.type === 'tool_use') {
        toolCalls.push(`${block.name}:${JSON.stringify(block.input)}`);
        results.push({ type: 'tool_result', tool_use_id: block.id, content: runTool(block.name, block.input) });
      }
    }
    messages.push({ role: 'user', content: results });
  }
  throw new Error('too many steps');
}
