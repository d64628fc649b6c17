const {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
} = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({});

exports.streamWithTools = async function streamWithTools(question, onText, onToolCall) {
  const command = new InvokeModelWithResponseStreamCommand({
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 2048,
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }],
      messages: [{ role: 'user', content: [{ type: 'text', text: question }] }],
    }),
  });
  const response = await client.send(command);
  let tool = null;
  let stopReason;
  for await (const item of response.body) {
    const event = JSON.parse(Buffer.from(item.chunk.bytes).toString('utf-8'));
    if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
      tool = { id: event.content_block.id, name: event.content_block.name, json: '' };
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      onText(event.delta.text);
    } else if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
      tool.json += event.delta.partial_json;
    } else if (event.type === 'content_block_stop' && tool) {
      onToolCall(tool.id, tool.name, JSON.parse(tool.json));
      tool = null;
    } else if (event.type === 'message_delta') {
      stopReason = event.delta.stop_reason;
    }
  }
  return stopReason;
};
