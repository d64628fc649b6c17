import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrockClient = new BedrockRuntimeClient({
  region: 'us-east-1',
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!,
  },
});

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
    const command = new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: maxTokens,
        messages: [{ role: 'user', content: prompt }],
      }),
    });
    const response = await bedrockClient.send(command);
    const body = JSON.parse(new TextDecoder().decode(response.body)) as AnthropicBody;
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
