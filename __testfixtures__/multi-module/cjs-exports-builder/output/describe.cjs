'use strict';

const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');
const { productDescriptionBody } = require('./templates.cjs');

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

async function describeProduct(product, tone = 'friendly') {
  const output = await bedrock.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      ...productDescriptionBody(product, tone),
    }),
  );
  if (output.stopReason === 'max_tokens') {
    console.log(`description of ${product.name} was cut short`);
  }
  return output.output.message.content[0].text;
}

module.exports = { describeProduct };
