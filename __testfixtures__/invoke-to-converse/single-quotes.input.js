'use strict';

const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function describeProduct(name, features) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        system: 'You write product descriptions for an online shop.',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Product: ' + name },
              { type: 'text', text: 'Features: ' + features.join(', ') },
            ],
          },
        ],
      }),
    })
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}

module.exports = { describeProduct };
