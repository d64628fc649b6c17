import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  ConverseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const decoder = new TextDecoder();

/** Streams a title for an article. */
export async function streamTitle(article: string): Promise<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: MODEL,
      messages: [
        {
          role: 'user',
          content: [{ text: `Write a title for:\n\n${article}` }],
        },
      ],
      inferenceConfig: { maxTokens: 40 },
    }),
  );
  let title = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      title += event.contentBlockDelta.delta.text;
    }
  }
  return title.trim();
}

/** Streams a summary and reports the message id (which ConverseStream does not return). */
export async function streamSummary(article: string): Promise<{ id: string; summary: string }> {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: `parsed.message.id` (message_start) has no proven ConverseStream counterpart
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
