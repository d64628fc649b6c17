const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams one answer and collects its text and tool calls, the way agent frameworks do. */
async function streamTurn(messages, tools) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-sonnet-5',
      contentType: 'application/json',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1000, tools, messages }),
    }),
  );
  const blocks = [];
  let stopReason = null;
  let usage = {};
  for await (const item of response.body) {
    if (!item.chunk) continue;
    const event = JSON.parse(Buffer.from(item.chunk.bytes).toString('utf-8'));
    switch (event.type) {
      case 'message_start':
        usage = { ...event.message.usage };
        break;
      case 'content_block_start':
        blocks[event.index] = event.content_block.type === 'tool_use' ? { ...event.content_block, json: '' } : { type: 'text', text: '' };
        break;
      case 'content_block_delta':
        if (event.delta.type === 'text_delta') blocks[event.index].text += event.delta.text;
        if (event.delta.type === 'input_json_delta') blocks[event.index].json += event.delta.partial_json;
        break;
      case 'message_delta':
        stopReason = event.delta.stop_reason;
        usage.output_tokens = event.usage.output_tokens;
        break;
      default:
        break;
    }
  }
  return {
    stopReason,
    usage,
    content: blocks.map((b) => (b.type === 'tool_use' ? { type: 'tool_use', id: b.id, name: b.name, input: JSON.parse(b.json) } : b)),
  };
}

module.exports = { streamTurn };
