import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const utf8 = new TextDecoder();

export async function translate(text, language) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1000,
        temperature: 0,
        system: `Translate the user's text into ${language}. Reply with the translation only.`,
        messages: [{ role: 'user', content: text }],
      }),
    }),
  );
  const out = [];
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const part of response.body) {
    const bytes = part.chunk?.bytes;
    if (!bytes) continue;
    const json = utf8.decode(bytes);
    const event = JSON.parse(json);
    if (event.type === 'message_start') {
      inputTokens = event.message.usage.input_tokens;
    } else if (event.type === 'content_block_delta') {
      out.push(event.delta.text);
    } else if (event.type === 'message_delta') {
      outputTokens = event.usage.output_tokens;
    }
  }
  return { translation: out.join(''), inputTokens, outputTokens };
}
