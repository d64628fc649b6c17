import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1', awsAccessKey: process.env.AWS_ACCESS_KEY_ID!, awsSecretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! });

export interface Completion {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

interface AnthropicBody {
  content: Array<{ type: 'text'; text: string } | { type: 'tool_use'; id: string }>;
  usage: { input_tokens: number; output_tokens: number };
}

export class ClaudeService {
  constructor(private readonly modelId = 'anthropic.claude-opus-4-7') {}

  async complete(prompt: string, maxTokens = 512): Promise<Completion> {
    const response = await mantle.messages.create({
      model: 'anthropic.claude-opus-4-7',
      max_tokens: maxTokens,
      messages: [{ role: 'user', content: prompt }],
    });
    const body = response as AnthropicBody;
    const text = body.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    return { text, inputTokens: body.usage.input_tokens, outputTokens: body.usage.output_tokens };
  }

  get model(): string {
    return this.modelId;
  }
}

export async function completeOnce(prompt: string): Promise<Completion> {
  return new ClaudeService().complete(prompt);
}
