const {
  BedrockRuntimeClient,
  ConverseStreamCommand,
} = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({});

exports.streamWithTools = async function streamWithTools(question, onText, onToolCall) {
  const command = new ConverseStreamCommand({
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    inferenceConfig: { maxTokens: 2048 },
    toolConfig: {
      tools: [{ toolSpec: { name: 'get_weather', description: 'Weather', inputSchema: { json: { type: 'object', properties: { location: { type: 'string' } } } } } }],
    },
    messages: [{ role: 'user', content: [{ text: question }] }],
  });
  const response = await client.send(command);
  let tool = null;
  let stopReason;
  for await (const event of response.stream) {
    if (event.contentBlockStart?.start?.toolUse) {
      tool = { id: event.contentBlockStart.start.toolUse.toolUseId, name: event.contentBlockStart.start.toolUse.name, json: '' };
    } else if (event.contentBlockDelta?.delta?.text !== undefined) {
      onText(event.contentBlockDelta.delta.text.trim());
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      tool.json += event.contentBlockDelta.delta.toolUse.input;
    } else if (event.contentBlockStop && tool) {
      onToolCall(tool.id, tool.name, JSON.parse(tool.json));
      tool = null;
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason;
    }
  }
  return stopReason;
};
