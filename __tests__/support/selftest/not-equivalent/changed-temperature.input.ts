import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export async function askWithHistory(history: Turn[], question: string) {
  const payload = {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 512,
    system: 'You are a concise geography tutor.',
    temperature: 0.2,
    stop_sequences: ['###'],
    messages: [...history, { role: 'user', content: [{ type: 'text', text: question }] }],
  };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify(payload),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  return {
    text: message.content[0].text as string,
    stopReason: message.stop_reason as string,
    inputTokens: message.usage.input_tokens as number,
    outputTokens: message.usage.output_tokens as number,
  };
}
