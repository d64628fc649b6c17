import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Logs every event it does not know, and counts the text blocks the model opened. */
export async function debugStream(prompt: string) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: a statement runs for content_block_start (text), which has no single…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  let textBlocks = 0;
  let text = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    switch (chunk.type) {
      case 'content_block_start':
        if (chunk.content_block.type === 'text') textBlocks++;
        break;
      case 'content_block_delta':
        text += chunk.delta.text ?? '';
        break;
      default:
        console.debug('unhandled stream event', chunk.type);
    }
  }
  return { text, textBlocks };
}
