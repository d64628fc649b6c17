import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

const weatherTool = {
  toolSpec: {
    name: 'get_weather',
    description: 'Get the current weather for a location',
    inputSchema: {
      json: {
        type: 'object',
        properties: { location: { type: 'string' }, unit: { type: 'string' } },
        required: ['location'],
      },
    },
  },
};

export async function streamWithTools(question: string) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools: [weatherTool] },
    }),
  );

  let text = '';
  let stopReason = '';
  const toolCalls: ToolCall[] = [];
  let current: { id: string; name: string; json: string } | null = null;

  for await (const event of response.stream!) {
    if (event.contentBlockStart?.start?.toolUse) {
      current = { id: event.contentBlockStart.start.toolUse.toolUseId!, name: event.contentBlockStart.start.toolUse.name!, json: '' };
    } else if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      if (current) current.json += event.contentBlockDelta.delta.toolUse.input!;
    } else if (event.contentBlockStop) {
      if (current) {
        toolCalls.push({ id: current.id, name: current.name, input: JSON.parse(current.json || '{}') });
        current = null;
      }
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason!;
    }
  }
  return { text, toolCalls, stopReason };
}
