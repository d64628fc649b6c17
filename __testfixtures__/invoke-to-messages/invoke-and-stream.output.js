import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const REGION = 'us-east-1';
const MODEL = 'anthropic.claude-opus-4-7';
const mantle = new AnthropicBedrockMantle({ awsRegion: REGION });

function request(prompt) {
  return {
    modelId: MODEL,
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 400,
      messages: [{ role: 'user', content: prompt }],
    }),
  };
}

export async function ask(prompt) {
  const message = await mantle.messages.create(
    { model: MODEL, max_tokens: 400, messages: [{ role: 'user', content: prompt }] },
  );
  console.log(`[${message.stop_reason}] ${message.usage.input_tokens} in / ${message.usage.output_tokens} out`);
  return message.content[0].text;
}

export async function streamToCallback(prompt, onDelta) {
  const response = await mantle.messages.create({
    model: MODEL,
    max_tokens: 400,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
  });
  for await (const chunk of response) {
    if (chunk.type === 'content_block_delta') onDelta(chunk.delta.text);
    if (chunk.type === 'message_delta') return chunk.delta.stop_reason;
  }
  return null;
}

export async function both(prompt, onDelta) {
  return { text: await ask(prompt), stop: await streamToCallback(prompt, onDelta), shape: Object.keys(request(prompt)) };
}
