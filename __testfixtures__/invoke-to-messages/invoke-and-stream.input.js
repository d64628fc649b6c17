import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const REGION = 'us-east-1';
const MODEL = 'anthropic.claude-opus-4-7';
const client = new BedrockRuntimeClient({ region: REGION });

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
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL,
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 400, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  console.log(`[${message.stop_reason}] ${message.usage.input_tokens} in / ${message.usage.output_tokens} out`);
  return message.content[0].text;
}

export async function streamToCallback(prompt, onDelta) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: MODEL,
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 400, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta') onDelta(chunk.delta.text);
    if (chunk.type === 'message_delta') return chunk.delta.stop_reason;
  }
  return null;
}

export async function both(prompt, onDelta) {
  return { text: await ask(prompt), stop: await streamToCallback(prompt, onDelta), shape: Object.keys(request(prompt)) };
}
