'use strict';
const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');

const runtime = new BedrockRuntime({ region: 'us-east-1' });

/** Streams an answer with extended thinking, keeping the reasoning apart from the answer. */
async function thinkThenAnswer(question) {
  const { stream: body } = await runtime.converseStream({
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    messages: [{ role: 'user', content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 4000 },
    additionalModelRequestFields: {
      thinking: { type: 'enabled', budget_tokens: 2000 },
    },
  });

  let reasoning = '';
  let answer = '';
  let signature;
  let stop;
  for await (const event of body) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      answer += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.text !== undefined) {
      reasoning += event.contentBlockDelta.delta.reasoningContent.text;
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.signature !== undefined) {
      signature = event.contentBlockDelta.delta.reasoningContent.signature;
    } else if (event.messageStop) {
      stop = event.messageStop.stopReason;
    }
  }
  return { reasoning, answer, signature, stop };
}

module.exports = { thinkThenAnswer };
