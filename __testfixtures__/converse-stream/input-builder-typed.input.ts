import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  InvokeModelWithResponseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

function summaryRequest(article: string): InvokeModelWithResponseStreamCommandInput {
  return {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      messages: [{ role: 'user', content: `Summarize:\n\n${article}` }],
    }),
  };
}

export async function summarize(article: string): Promise<string> {
  const { body } = await client.send(new InvokeModelWithResponseStreamCommand(summaryRequest(article)));
  const decoder = new TextDecoder('utf-8');
  let summary = '';
  for await (const event of body ?? []) {
    if (!event.chunk?.bytes) continue;
    const chunk = JSON.parse(decoder.decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta') summary += chunk.delta.text;
  }
  return summary;
}
