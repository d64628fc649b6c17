import { BedrockRuntimeClient, ConverseCommand, type Message } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

export async function askWithHistory(history: Turn[], question: string) {
  const messages: Message[] = [
    ...history.map((turn): Message => ({ role: turn.role, content: [{ text: turn.content }] })),
    { role: 'user', content: [{ text: question }] },
  ];
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      system: [{ text: 'You are a concise geography tutor.' }],
      inferenceConfig: { maxTokens: 512, temperature: 0.2, stopSequences: ['###'] },
      messages,
    }),
  );
  return {
    text: response.output?.message?.content?.[0]?.text as string,
    stopReason: response.stopReason as string,
    inputTokens: response.usage?.inputTokens as number,
    outputTokens: response.usage?.outputTokens as number,
  };
}
