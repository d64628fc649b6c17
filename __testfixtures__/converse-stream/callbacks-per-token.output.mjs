import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/**
 * @param {string} prompt
 * @param {{ onToken: (t: string) => void, onToolCall: (name: string) => void, onFinish: (reason: string) => void }} callbacks
 */
export async function streamWithCallbacks(prompt, callbacks) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 512 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'get_weather',
              description: 'Weather',
              inputSchema: { json: { type: 'object', properties: {} } },
            },
          },
        ],
      },
    }),
  );
  for await (const item of response.stream ?? []) {
    if (item.contentBlockStart?.start?.toolUse) {
      callbacks.onToolCall(item.contentBlockStart.start.toolUse.name);
    } else if (item.contentBlockDelta?.delta?.text !== undefined) {
      callbacks.onToken(item.contentBlockDelta.delta.text);
    } else if (item.messageStop) {
      callbacks.onFinish(item.messageStop.stopReason);
    }
  }
}
