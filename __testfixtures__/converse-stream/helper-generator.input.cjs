'use strict';
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntimeClient({});

async function* textChunks(body) {
  for await (const event of body) {
    const chunk = JSON.parse(Buffer.from(event.chunk.bytes).toString('utf8'));
    switch (chunk.type) {
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') yield chunk.delta.text;
        break;
      case 'message_stop':
        break;
    }
  }
}

async function* chat(messages) {
  const response = await bedrock.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages }),
    }),
  );
  yield* textChunks(response.body);
}

module.exports = { chat };
