import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle();

export const handler = async (event) => {
  const { question } = JSON.parse(event.body ?? '{}');
  if (!question) return { statusCode: 400, body: JSON.stringify({ error: 'question is required' }) };
  const answer = await mantle.messages.create({
    model: 'anthropic.claude-opus-5',
    max_tokens: 700,
    messages: [{ role: 'user', content: question }],
  });
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answer: answer.content[0].text, stopReason: answer.stop_reason, usage: answer.usage }),
  };
};
