import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });

/** Streams a haiku and returns it with the cost of the call. */
export async function haiku(topic) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 120,
        temperature: 1,
        messages: [{ role: 'user', content: `A haiku about ${topic}, please.` }],
      }),
    }),
  );

  const lines = [];
  let promptTokens = 0;
  let replyTokens = 0;
  let why;
  for await (const event of response.body) {
    if (event.throttlingException) throw new Error('slow down');
    const { type, message, delta, usage } = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (type === 'message_start') {
      promptTokens = message.usage.input_tokens;
    } else if (type === 'content_block_delta' && delta.type === 'text_delta') {
      lines.push(delta.text);
    } else if (type === 'message_delta') {
      why = delta.stop_reason;
      replyTokens = usage.output_tokens;
    }
  }
  return { text: lines.join(''), promptTokens, replyTokens, why };
}
