import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const decoder = new TextDecoder();

/** Streams a title for an article. */
export async function streamTitle(article: string): Promise<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 40,
        messages: [{ role: 'user', content: `Write a title for:\n\n${article}` }],
      }),
    }),
  );
  let title = '';
  for await (const { chunk } of response.body!) {
    if (!chunk?.bytes) continue;
    const parsed = JSON.parse(decoder.decode(chunk.bytes));
    if (parsed.type === 'content_block_delta' && parsed.delta.type === 'text_delta') title += parsed.delta.text;
  }
  return title.trim();
}

/** Streams a summary and reports the message id (which ConverseStream does not return). */
export async function streamSummary(article: string): Promise<{ id: string; summary: string }> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 200,
        messages: [{ role: 'user', content: `Summarise:\n\n${article}` }],
      }),
    }),
  );
  let id = '';
  let summary = '';
  for await (const event of response.body!) {
    const parsed = JSON.parse(decoder.decode(event.chunk?.bytes));
    if (parsed.type === 'message_start') id = parsed.message.id;
    else if (parsed.type === 'content_block_delta') summary += parsed.delta.text;
  }
  return { id, summary };
}
