'use strict';

const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');
const { productDescriptionBody } = require('./templates.cjs');

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

async function describeProduct(product, tone = 'friendly') {
  const output = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: productDescriptionBody(product, tone),
    }),
  );
  const parsed = JSON.parse(Buffer.from(output.body).toString('utf8'));
  if (parsed.stop_reason === 'max_tokens') {
    console.log(`description of ${product.name} was cut short`);
  }
  return parsed.content[0].text;
}

module.exports = { describeProduct };
