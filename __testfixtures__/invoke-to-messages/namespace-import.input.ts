import * as bedrock from '@aws-sdk/client-bedrock-runtime';

const runtime = new bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

export interface Answer {
  text: string;
  stopReason: string | null;
}

interface RawAnswer {
  content: Array<{ type: string; text?: string }>;
  stop_reason: string | null;
}

export async function answer(question: string, context: string): Promise<Answer> {
  const output = await runtime.send(
    new bedrock.InvokeModelCommand({
      modelId: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 600,
        system: `Answer from this context only:\n${context}`,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  const raw = JSON.parse(new TextDecoder().decode(output.body)) as RawAnswer;
  return { text: raw.content[0]?.text ?? '', stopReason: raw.stop_reason };
}
