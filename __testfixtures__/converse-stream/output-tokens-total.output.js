const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams an answer; the meter is told how many tokens it produced (once, when the model stops). */
async function meteredAnswer(question, meter) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );
  let answer = '';
  for await (const event of response.stream) {
    if (event.contentBlockDelta) {
      answer += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      meter.stopped(event.messageStop.stopReason);
    } else if (event.metadata) {
      meter.charge(event.metadata.usage.outputTokens);
    }
  }
  return answer;
}

module.exports = { meteredAnswer };
