'use strict';
const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');

const runtime = new BedrockRuntime({ region: 'us-east-1' });

/** Streams an answer with extended thinking, keeping the reasoning apart from the answer. */
async function thinkThenAnswer(question) {
  const { body } = await runtime.invokeModelWithResponseStream({
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 4000,
      thinking: { type: 'enabled', budget_tokens: 2000 },
      messages: [{ role: 'user', content: question }],
    }),
  });

  let reasoning = '';
  let answer = '';
  let signature;
  let stop;
  for await (const event of body) {
    const msg = JSON.parse(Buffer.from(event.chunk.bytes).toString());
    if (msg.type !== 'content_block_delta') {
      if (msg.type === 'message_delta') stop = msg.delta.stop_reason;
      continue;
    }
    switch (msg.delta.type) {
      case 'thinking_delta':
        reasoning += msg.delta.thinking;
        break;
      case 'signature_delta':
        signature = msg.delta.signature;
        break;
      case 'text_delta':
        answer += msg.delta.text;
        break;
    }
  }
  return { reasoning, answer, signature, stop };
}

module.exports = { thinkThenAnswer };
