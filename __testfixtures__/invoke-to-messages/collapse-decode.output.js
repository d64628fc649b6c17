const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

async function classify(ticket) {
  const data = await mantle.messages.create({
    model: 'anthropic.claude-haiku-4-5',
    max_tokens: 20,
    system: 'Reply with one word: bug, feature or question.',
    messages: [{ role: 'user', content: ticket }],
  });
  return data.content[0].text.trim().toLowerCase();
}

module.exports = { classify };
