import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Returns null when the model refuses, so the UI can show its own message. */
export async function draftReply(ticket: string): Promise<string | null> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-opus-4-1-20250805-v1:0',
      messages: [{ role: 'user', content: [{ text: ticket }] }],
      system: [{ text: 'You are a support agent.' }],
      inferenceConfig: { maxTokens: 1500 },
    }),
  );
  let draft = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      draft += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      switch (event.messageStop.stopReason!) {
      case 'content_filtered':
      case ('refusal' as string):
        return null;
      case 'max_tokens':
        draft += ' [truncated]';
        break;
      }
    }
  }
  return draft;
}
