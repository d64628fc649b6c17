import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** A chat UI's history, in Anthropic's string-content shape. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export async function continueChat(history: ChatTurn[], persona: string): Promise<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: history.map((m) => ({ role: m.role, content: [{ text: m.content }] })),
      system: [{ text: persona }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );
  let reply = '';
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      reply += event.contentBlockDelta.delta.text;
    }
  }
  return reply;
}
