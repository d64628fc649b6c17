import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Stores each streamed message under the id Bedrock gave it. */
export async function streamAndStore(prompt: string, save: (id: string, text: string) => Promise<void>) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: `chunk.message.id` (message_start) has no proven ConverseStream counterpart
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, messages: [{ role: 'user', content: prompt }] }),
    }),
  );
  let id = '';
  let text = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    switch (chunk.type) {
      case 'message_start':
        id = chunk.message.id;
        break;
      case 'content_block_delta':
        text += chunk.delta.text;
        break;
    }
  }
  await save(id, text);
}
