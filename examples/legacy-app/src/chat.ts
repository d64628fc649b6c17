import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });
const MODEL_ID = process.env.CHAT_MODEL_ID ?? 'anthropic.claude-3-5-sonnet-20241022-v2:0';

export type Turn = { role: 'user' | 'assistant'; content: string };

const SYSTEM_PROMPT = 'You are a concise support assistant for Acme Cloud. Answer in plain English.';

/** Sends the conversation so far plus the new question, and returns the reply with the history extended. */
export async function chat(history: Turn[], question: string): Promise<{ reply: string; history: Turn[] }> {
  const messages = [...history, { role: 'user' as const, content: question }];
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        temperature: 0.3,
        system: SYSTEM_PROMPT,
        messages,
      }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(response.body));

  switch (payload.stop_reason) {
    case 'end_turn':
    case 'stop_sequence':
      break;
    case 'max_tokens':
      console.warn('reply was cut off at max_tokens');
      break;
  }

  const reply: string = payload.content[0].text;
  console.log(`tokens in=${payload.usage.input_tokens} out=${payload.usage.output_tokens}`);
  return { reply, history: [...messages, { role: 'assistant', content: reply }] };
}
