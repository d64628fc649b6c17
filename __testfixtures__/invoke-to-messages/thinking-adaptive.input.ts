import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

interface Block {
  type: 'text' | 'thinking' | 'redacted_thinking';
  text?: string;
  thinking?: string;
}

export async function solve(problem: string): Promise<{ reasoning: string; answer: string }> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'global.anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 16000,
        thinking: { type: 'adaptive', display: 'summarized' },
        output_config: { effort: 'high' },
        messages: [{ role: 'user', content: problem }],
      }),
    }),
  );
  const { content } = JSON.parse(new TextDecoder().decode(response.body)) as { content: Block[] };
  return {
    reasoning: content.filter((b) => b.type === 'thinking').map((b) => b.thinking).join('\n'),
    answer: content.filter((b) => b.type === 'text').map((b) => b.text).join(''),
  };
}
