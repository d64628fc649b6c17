import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const MODEL_ID = 'anthropic.claude-opus-4-7';
const mantle = new AnthropicBedrockMantle({ awsRegion: process.env.AWS_REGION ?? 'us-east-1' });

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
  const message: ClaudeMessage = await mantle.messages.create({
    model: MODEL_ID,
    max_tokens: 1024,
    messages: history,
  });
  const text = message.content
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('');
  return { id: message.id, text, stop: message.stop_reason };
}
