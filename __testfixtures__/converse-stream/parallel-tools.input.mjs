import * as bedrock from '@aws-sdk/client-bedrock-runtime';

const client = new bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  { name: 'get_weather', description: 'Weather in a city', input_schema: { type: 'object', properties: { location: { type: 'string' } } } },
  { name: 'get_time', description: 'Local time in a time zone', input_schema: { type: 'object', properties: { timezone: { type: 'string' } } } },
];

/** Collects every tool call of one streamed answer, keyed by content block index. */
export async function planCalls(question) {
  const command = new bedrock.InvokeModelWithResponseStreamCommand({
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1000,
      tools,
      tool_choice: { type: 'any' },
      messages: [{ role: 'user', content: question }],
    }),
  });
  const response = await client.send(command);

  const blocks = new Map();
  const finished = [];
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_start' && chunk.content_block.type === 'tool_use') {
      blocks.set(chunk.index, { id: chunk.content_block.id, name: chunk.content_block.name, json: '' });
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') {
      blocks.get(chunk.index).json += chunk.delta.partial_json;
    } else if (chunk.type === 'content_block_stop' && blocks.has(chunk.index)) {
      const block = blocks.get(chunk.index);
      finished.push({ id: block.id, name: block.name, input: JSON.parse(block.json) });
    }
  }
  return finished;
}
