const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function summarize(text) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['token-efficient-tools-2025-02-19'],
        max_tokens: 512,
        tools: [{ type: 'bash_20241022', name: 'bash' }],
        messages: [{ role: 'user', content: `Summarize: ${text}` }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(res.body)).content[0].text;
}

module.exports = { summarize };
