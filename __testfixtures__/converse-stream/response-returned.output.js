const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

// The raw stream is handed to the caller, who reads the chunks elsewhere.
async function openStream(prompt) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the stream is handed on instead of being read by a `for await` loop here
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  return response.body;
}

function buildCommand(prompt) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the command is built in `buildCommand`, which other modules can call too
  return new InvokeModelWithResponseStreamCommand({
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] }),
  });
}

module.exports = { openStream, buildCommand };
