// Nightly ticket summaries, still on the Claude 2 Text Completions format.
const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntime({ region: 'us-east-1' });

async function summarize(ticketText) {
  const response = await bedrock.invokeModel({
    modelId: 'anthropic.claude-v2:1',
    contentType: 'application/json',
    body: JSON.stringify({
      prompt: `\n\nHuman: Summarize this support ticket in two sentences:\n${ticketText}\n\nAssistant:`,
      max_tokens_to_sample: 300,
      temperature: 0.2,
    }),
  });
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.completion.trim();
}

module.exports = { summarize };
