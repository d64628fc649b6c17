const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function titanStream(prompt) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'amazon.titan-text-express-v1',
      body: JSON.stringify({ inputText: prompt, textGenerationConfig: { maxTokenCount: 512, temperature: 0.5 } }),
    }),
  );
  let text = '';
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    text += chunk.outputText;
  }
  return text;
}

module.exports = { titanStream };
