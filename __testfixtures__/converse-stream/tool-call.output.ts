import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}


/** Streams the first answer of a tool-using turn and returns the text, the tool call and the stop reason. */
export async function askWithTools(question: string) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: {
        tools: [
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
        ],
        toolChoice: { auto: {} },
      },
    }),
  );

  let text = '';
  let toolJson = '';
  let tool: { id: string; name: string } | undefined;
  let toolBlock = -1;
  let stopReason: string | undefined;
  const calls: ToolCall[] = [];

  for await (const event of response.stream!) {
    if (event.contentBlockStart?.start?.toolUse) {
      tool = { id: event.contentBlockStart.start.toolUse.toolUseId!, name: event.contentBlockStart.start.toolUse.name! };
      toolBlock = event.contentBlockStart.contentBlockIndex!;
      toolJson = '';
    } else if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      toolJson += event.contentBlockDelta.delta.toolUse.input!;
    } else if (event.contentBlockStop) {
      if (tool && event.contentBlockStop.contentBlockIndex === toolBlock) {
        calls.push({ ...tool, input: JSON.parse(toolJson) });
        tool = undefined;
      }
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason!;
    }
  }

  return { text, calls, stopReason };
}
