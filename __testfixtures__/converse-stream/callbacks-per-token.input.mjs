import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand as StreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/**
 * @param {string} prompt
 * @param {{ onToken: (t: string) => void, onToolCall: (name: string) => void, onFinish: (reason: string) => void }} callbacks
 */
export async function streamWithCallbacks(prompt, callbacks) {
  const response = await client.send(
    new StreamCommand({
      modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: {} } }],
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  for await (const item of response.body ?? []) {
    if (!item.chunk) continue;
    const event = JSON.parse(new TextDecoder().decode(item.chunk.bytes));
    switch (event.type) {
      case 'content_block_start':
        if (event.content_block.type === 'tool_use') callbacks.onToolCall(event.content_block.name);
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta') callbacks.onToken(event.delta.text);
        break;
      case 'message_delta':
        callbacks.onFinish(event.delta.stop_reason);
        break;
      case 'ping':
        break;
    }
  }
}
