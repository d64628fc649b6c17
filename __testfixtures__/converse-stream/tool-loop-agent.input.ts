import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';

const tools = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    input_schema: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } }, required: ['location'] },
  },
];

/** One streamed turn: the text, the tool call (if any) and the stop reason. */
async function streamTurn(messages: unknown[]) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: MODEL,
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, tools, messages }),
    }),
  );
  let text = '';
  let tool: { id: string; name: string } | undefined;
  let json = '';
  let stopReason = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    if (chunk.type === 'content_block_start' && chunk.content_block.type === 'tool_use') {
      tool = { id: chunk.content_block.id, name: chunk.content_block.name };
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') {
      json += chunk.delta.partial_json;
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      text += chunk.delta.text;
    } else if (chunk.type === 'message_delta') {
      stopReason = chunk.delta.stop_reason;
    }
  }
  return { text, tool: tool && { ...tool, input: JSON.parse(json) }, stopReason };
}

export async function weatherAgent(question: string) {
  const first = await streamTurn([{ role: 'user', content: question }]);
  if (first.stopReason !== 'tool_use' || !first.tool) return first.text;
  const second = await streamTurn([
    { role: 'user', content: question },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: first.text },
        { type: 'tool_use', id: first.tool.id, name: first.tool.name, input: first.tool.input },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: first.tool.id, content: '12 degrees, raining' }] },
  ]);
  return `${first.text} ${second.text}`;
}
