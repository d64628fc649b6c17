import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** A chat UI's history, in Anthropic's string-content shape. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export async function continueChat(history: ChatTurn[], persona: string): Promise<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        system: persona,
        messages: history,
      }),
    }),
  );
  let reply = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') reply += chunk.delta.text;
  }
  return reply;
}
