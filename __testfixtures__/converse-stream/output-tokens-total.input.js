const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Streams an answer; the meter is told how many tokens it produced (once, when the model stops). */
async function meteredAnswer(question, meter) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, messages: [{ role: 'user', content: question }] }),
    }),
  );
  let answer = '';
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta') {
      answer += chunk.delta.text;
    } else if (chunk.type === 'message_delta') {
      meter.stopped(chunk.delta.stop_reason);
      meter.charge(chunk.usage.output_tokens);
    }
  }
  return answer;
}

module.exports = { meteredAnswer };
