import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

const weatherTool = {
  name: 'get_weather',
  description: 'Get the current weather for a location',
  input_schema: {
    type: 'object',
    properties: { location: { type: 'string' }, unit: { type: 'string' } },
    required: ['location'],
  },
};

export async function streamWithTools(question: string) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        tools: [weatherTool],
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );

  let text = '';
  let stopReason = '';
  const toolCalls: ToolCall[] = [];
  let current: { id: string; name: string; json: string } | null = null;

  for await (const event of response.body!) {
    if (!event.chunk?.bytes) continue;
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    switch (chunk.type) {
      case 'content_block_start':
        if (chunk.content_block.type === 'tool_use') {
          current = { id: chunk.content_block.id, name: chunk.content_block.name, json: '' };
        }
        break;
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') {
          text += chunk.delta.text;
        } else if (chunk.delta.type === 'input_json_delta') {
          if (current) current.json += chunk.delta.partial_json;
        }
        break;
      case 'content_block_stop':
        if (current) {
          toolCalls.push({ id: current.id, name: current.name, input: JSON.parse(current.json || '{}') });
          current = null;
        }
        break;
      case 'message_delta':
        stopReason = chunk.delta.stop_reason;
        break;
    }
  }
  return { text, toolCalls, stopReason };
}
