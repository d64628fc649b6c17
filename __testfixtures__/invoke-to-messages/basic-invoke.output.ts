import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

interface ClaudeResponse {
  content: Array<{ type: string; text?: string }>;
  stop_reason: string | null;
  usage: { input_tokens: number; output_tokens: number };
}

export async function ask(question: string): Promise<string> {
  const response = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 512,
    system: 'Answer in one sentence.',
    messages: [{ role: 'user', content: question }],
  });
  const result = response as ClaudeResponse;
  return result.content.map((block) => block.text ?? '').join('');
}
