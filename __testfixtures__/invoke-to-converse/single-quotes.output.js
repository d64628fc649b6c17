'use strict';

const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function describeProduct(name, features) {
  const response = await client.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [
        {
          role: 'user',
          content: [
            { text: 'Product: ' + name },
            { text: 'Features: ' + features.join(', ') },
          ],
        },
      ],
      system: [{ text: 'You write product descriptions for an online shop.' }],
      inferenceConfig: { maxTokens: 300 },
    })
  );
  return response.output.message.content[0].text;
}

module.exports = { describeProduct };
