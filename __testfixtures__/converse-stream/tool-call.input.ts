import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}


/** Streams the first answer of a tool-using turn and returns the text, the tool call and the stop reason. */
export async function askWithTools(question: string) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        tools: [
          {
            name: 'get_weather',
            description: 'Current weather for a city',
            input_schema: {
              type: 'object',
              properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
              required: ['location'],
            },
          },
        ],
        tool_choice: { type: 'auto' },
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );

  let text = '';
  let toolJson = '';
  let tool: { id: string; name: string } | undefined;
  let toolBlock = -1;
  let stopReason: string | undefined;
  const calls: ToolCall[] = [];

  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder('utf-8').decode(event.chunk!.bytes));
    if (chunk.type === 'content_block_start' && chunk.content_block.type === 'tool_use') {
      tool = { id: chunk.content_block.id, name: chunk.content_block.name };
      toolBlock = chunk.index;
      toolJson = '';
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') {
      toolJson += chunk.delta.partial_json;
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      text += chunk.delta.text;
    } else if (chunk.type === 'content_block_stop') {
      if (tool && chunk.index === toolBlock) {
        calls.push({ ...tool, input: JSON.parse(toolJson) });
        tool = undefined;
      }
    } else if (chunk.type === 'message_delta') {
      stopReason = chunk.delta.stop_reason;
    }
  }

  return { text, calls, stopReason };
}
