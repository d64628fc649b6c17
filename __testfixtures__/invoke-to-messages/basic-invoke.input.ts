import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

interface ClaudeResponse {
  content: Array<{ type: string; text?: string }>;
  stop_reason: string | null;
  usage: { input_tokens: number; output_tokens: number };
}

export async function ask(question: string): Promise<string> {
  const command = new InvokeModelCommand({
    modelId: 'global.anthropic.claude-opus-4-7',
    contentType: 'application/json',
    accept: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      system: 'Answer in one sentence.',
      messages: [{ role: 'user', content: question }],
    }),
  });
  const response = await client.send(command);
  const result = JSON.parse(new TextDecoder().decode(response.body)) as ClaudeResponse;
  return result.content.map((block) => block.text ?? '').join('');
}
