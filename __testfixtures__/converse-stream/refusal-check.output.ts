import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export class RefusalError extends Error {}

/** Streams an answer from a Claude 4 model; a refusal discards the partial text (per Anthropic's guidance). */
export async function safeAnswer(question: string): Promise<string> {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the stop reason is compared with 'refusal', which is not a ConverseStream stop…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  let text = '';
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    switch (chunk.type) {
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') text += chunk.delta.text;
        break;
      case 'message_delta':
        if (chunk.delta.stop_reason === 'refusal') throw new RefusalError('the model declined to answer');
        break;
    }
  }
  return text;
}
