'use strict';

const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'us-east-1' });

/**
 * Asks Claude for a product description.
 * @param {string} product
 */
async function describeProduct(product) {
  const command = new InvokeModelCommand({
    modelId: process.env.CLAUDE_MODEL_ID || 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 400,
      system: 'You write short, friendly product descriptions.',
      messages: [{ role: 'user', content: `Describe: ${product}` }],
    }),
  });
  const res = await client.send(command);
  const raw = Buffer.from(res.body).toString('utf8');
  const data = JSON.parse(raw);

  if (data.stop_reason === 'refusal') {
    throw new Error(
      `Claude refused the request (stop reason: refusal, model: ${process.env.CLAUDE_MODEL_ID || 'us.anthropic.claude-sonnet-4-20250514-v1:0'})`,
    );
  }

  return data.content
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('');
}

module.exports = { describeProduct };
