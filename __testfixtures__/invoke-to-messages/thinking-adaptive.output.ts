import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

interface Block {
  type: 'text' | 'thinking' | 'redacted_thinking';
  text?: string;
  thinking?: string;
}

export async function solve(problem: string): Promise<{ reasoning: string; answer: string }> {
  const response = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 16000,
    thinking: { type: 'adaptive', display: 'summarized' },
    output_config: { effort: 'high' },
    messages: [{ role: 'user', content: problem }],
  });
  const { content } = response as { content: Block[] };
  return {
    reasoning: content.filter((b) => b.type === 'thinking').map((b) => b.thinking).join('\n'),
    answer: content.filter((b) => b.type === 'text').map((b) => b.text).join(''),
  };
}
