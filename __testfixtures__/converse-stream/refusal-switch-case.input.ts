import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Returns null when the model refuses, so the UI can show its own message. */
export async function draftReply(ticket: string): Promise<string | null> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-opus-4-1-20250805-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1500,
        system: 'You are a support agent.',
        messages: [{ role: 'user', content: ticket }],
      }),
    }),
  );
  let draft = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      draft += chunk.delta.text;
    }
    if (chunk.type === 'message_delta') {
      switch (chunk.delta.stop_reason) {
        case 'refusal':
          return null;
        case 'max_tokens':
          draft += ' [truncated]';
          break;
      }
    }
  }
  return draft;
}
