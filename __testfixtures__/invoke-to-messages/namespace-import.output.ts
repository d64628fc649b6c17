import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

export interface Answer {
  text: string;
  stopReason: string | null;
}

interface RawAnswer {
  content: Array<{ type: string; text?: string }>;
  stop_reason: string | null;
}

export async function answer(question: string, context: string): Promise<Answer> {
  const output = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 600,
    system: `Answer from this context only:\n${context}`,
    messages: [{ role: 'user', content: question }],
  });
  const raw = output as RawAnswer;
  return { text: raw.content[0]?.text ?? '', stopReason: raw.stop_reason };
}
