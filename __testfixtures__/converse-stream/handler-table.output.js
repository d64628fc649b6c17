const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

// Event handlers looked up by event type.
function makeHandlers(state) {
  return {
    content_block_delta: (e) => {
      if (e.delta.type === 'text_delta') state.text += e.delta.text;
    },
    message_delta: (e) => {
      state.stopReason = e.delta.stop_reason;
    },
  };
}

async function run(prompt) {
  const state = { text: '', stopReason: null };
  const handlers = makeHandlers(state);
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the handler table `handlers` is not a `const` object literal in this file
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    handlers[chunk.type]?.(chunk);
  }
  return state;
}

module.exports = { run };
