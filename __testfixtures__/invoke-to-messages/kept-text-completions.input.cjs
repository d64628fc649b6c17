const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function complete(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({
        prompt: `\n\nHuman: ${question}\n\nAssistant:`,
        max_tokens_to_sample: 300,
        anthropic_version: 'bedrock-2023-05-31',
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).completion;
}

module.exports = { complete };
