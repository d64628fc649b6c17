import { BedrockRuntimeClient, ConverseCommand, type ContentBlock, type Message } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  {
    toolSpec: {
      name: 'get_weather',
      description: 'Current weather for a city',
      inputSchema: {
        json: {
          type: 'object',
          properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
          required: ['location'],
        },
      },
    },
  },
];

function runTool(name: string, input: { location: string }): string {
  return name === 'get_weather' ? `12 degrees and raining in ${input.location}` : 'unknown tool';
}

export async function weatherAgent(question: string) {
  const messages: Message[] = [{ role: 'user', content: [{ text: question }] }];
  const toolCalls: string[] = [];
  for (let step = 0; step < 5; step++) {
    const res = await client.send(
      new ConverseCommand({
        modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
        inferenceConfig: { maxTokens: 1024 },
        toolConfig: step === 0 ? { tools, toolChoice: { auto: {} } } : undefined,
        messages,
      }),
    );
    const content: ContentBlock[] = res.output?.message?.content ?? [];
    messages.push({ role: 'assistant', content });
    if (res.stopReason !== 'tool_use') {
      const text = content.filter((b) => b.text !== undefined).map((b) => b.text).join('');
      return { text, toolCalls, steps: step + 1 };
    }
    const results: ContentBlock[] = [];
    for (const block of content) {
      if (block.toolUse) {
        const input = block.toolUse.input as { location: string };
        toolCalls.push(`${block.toolUse.name}:${JSON.stringify(input)}`);
        results.push({
          toolResult: { toolUseId: block.toolUse.toolUseId, content: [{ text: runTool(block.toolUse.name!, input) }] },
        });
      }
    }
    messages.push({ role: 'user', content: results });
  }
  throw new Error('too many steps');
}
