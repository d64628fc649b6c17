const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function complete(question) {
  const prompt = `\n\nHuman: ${question}\n\nAssistant:`;
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-v2:1',
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        prompt,
        max_tokens_to_sample: 300,
        temperature: 0.5,
        top_k: 250,
        stop_sequences: ['\n\nHuman:'],
      }),
    }),
  );
  const result = JSON.parse(Buffer.from(response.body).toString());
  return result.completion.trim();
}

module.exports = { complete };
