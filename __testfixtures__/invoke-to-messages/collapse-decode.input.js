const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function classify(ticket) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 20,
        system: 'Reply with one word: bug, feature or question.',
        messages: [{ role: 'user', content: ticket }],
      }),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return data.content[0].text.trim().toLowerCase();
}

module.exports = { classify };
