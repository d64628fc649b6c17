import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const MODEL_ID = 'us.anthropic.claude-opus-4-7';
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

type Role = 'user' | 'assistant';

interface ChatMessage {
  role: Role;
  content: string;
}

interface ClaudeMessage {
  id: string;
  content: Array<{ type: string; text?: string }>;
  stop_reason: string | null;
}

export async function reply(history: ChatMessage[]): Promise<{ id: string; text: string; stop: string | null }> {
  const payload = {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 1024,
    messages: history,
  };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify(payload),
    }),
  );
  const message: ClaudeMessage = JSON.parse(new TextDecoder().decode(response.body));
  const text = message.content
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('');
  return { id: message.id, text, stop: message.stop_reason };
}
