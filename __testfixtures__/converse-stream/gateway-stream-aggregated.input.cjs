'use strict';
const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntime({ region: 'us-east-1' });

// Pushes tokens to a websocket-like callback as they arrive, whatever the model.
async function relay(modelId, question, onToken) {
  const response = await bedrock.invokeModelWithResponseStream({
    modelId,
    contentType: 'application/json',
    body: JSON.stringify(modelId.startsWith('anthropic.')
      ? { anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, system: 'Reply in French.', messages: [{ role: 'user', content: question }] }
      : { inputText: `Reply in French. ${question}`, textGenerationConfig: { maxTokenCount: 300 } }),
  });
  let count = 0;
  for await (const item of response.body) {
    const chunk = JSON.parse(Buffer.from(item.chunk.bytes).toString('utf8'));
    const token = chunk.type === 'content_block_delta' ? chunk.delta.text : chunk.outputText;
    if (token) {
      onToken(modelId, token);
      count++;
    }
  }
  return count;
}

async function relayAll(modelIds, question, onToken) {
  const counts = [];
  for (const modelId of modelIds) counts.push(await relay(modelId, question, onToken));
  return counts;
}

module.exports = { relay, relayAll };
