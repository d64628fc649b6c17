const { Readable } = require('node:stream');
const bedrockRuntime = require('@aws-sdk/client-bedrock-runtime');

const client = new bedrockRuntime.BedrockRuntimeClient({ region: 'us-east-1' });

async function* tokens(body) {
  for await (const event of body) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      yield event.contentBlockDelta.delta.text;
    }
  }
}

/** A Node Readable of the answer's text, for piping into an HTTP response or a file. */
async function answerStream(question) {
  const response = await client.send(
    new bedrockRuntime.ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 400 },
    }),
  );
  return Readable.from(tokens(response.stream));
}

module.exports = { answerStream };
