import * as bedrock from '@aws-sdk/client-bedrock-runtime';

const client = new bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  {
    toolSpec: {
      name: 'get_weather',
      description: 'Weather in a city',
      inputSchema: {
        json: { type: 'object', properties: { location: { type: 'string' } } },
      },
    },
  },
  {
    toolSpec: {
      name: 'get_time',
      description: 'Local time in a time zone',
      inputSchema: {
        json: { type: 'object', properties: { timezone: { type: 'string' } } },
      },
    },
  },
];

/** Collects every tool call of one streamed answer, keyed by content block index. */
export async function planCalls(question) {
  const command = new bedrock.ConverseStreamCommand({
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    messages: [{ role: 'user', content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 1000 },
    toolConfig: { tools, toolChoice: { any: {} } },
  });
  const response = await client.send(command);

  const blocks = new Map();
  const finished = [];
  for await (const event of response.stream) {
    if (event.contentBlockStart?.start?.toolUse) {
      blocks.set(event.contentBlockStart.contentBlockIndex, { id: event.contentBlockStart.start.toolUse.toolUseId, name: event.contentBlockStart.start.toolUse.name, json: '' });
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      blocks.get(event.contentBlockDelta.contentBlockIndex).json += event.contentBlockDelta.delta.toolUse.input;
    } else if (event.contentBlockStop) {
      if (blocks.has(event.contentBlockStop.contentBlockIndex)) {
        const block = blocks.get(event.contentBlockStop.contentBlockIndex);
        finished.push({ id: block.id, name: block.name, input: JSON.parse(block.json) });
      }
    }
  }
  return finished;
}
