const { Readable } = require('node:stream');
const bedrockRuntime = require('@aws-sdk/client-bedrock-runtime');

const client = new bedrockRuntime.BedrockRuntimeClient({ region: 'us-east-1' });

async function* tokens(body) {
  for await (const event of body) {
    if (event.chunk && event.chunk.bytes) {
      const parsed = JSON.parse(Buffer.from(event.chunk.bytes).toString());
      if (parsed.type === 'content_block_delta' && parsed.delta.type === 'text_delta') {
        yield parsed.delta.text;
      }
    }
  }
}

/** A Node Readable of the answer's text, for piping into an HTTP response or a file. */
async function answerStream(question) {
  const response = await client.send(
    new bedrockRuntime.InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 400,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  return Readable.from(tokens(response.body));
}

module.exports = { answerStream };
