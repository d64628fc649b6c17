const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const mantle = new AnthropicBedrockMantle({ awsRegion: process.env.AWS_REGION || 'us-east-1' });

async function streamStory(topic) {
  const response = await mantle.messages.create({
    model: 'anthropic.claude-haiku-4-5',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Tell a short story about ${topic}` }],
    stream: true,
  });
  let text = '';
  for await (const chunk of response) {
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      text += chunk.delta.text;
    }
  }
  return text;
}

module.exports = { streamStory };
