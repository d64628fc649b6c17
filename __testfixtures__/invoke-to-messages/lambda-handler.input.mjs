import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export const handler = async (event) => {
  const { question } = JSON.parse(event.body ?? '{}');
  if (!question) return { statusCode: 400, body: JSON.stringify({ error: 'question is required' }) };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-5',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 700,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  const answer = JSON.parse(new TextDecoder('utf-8').decode(response.body));
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answer: answer.content[0].text, stopReason: answer.stop_reason, usage: answer.usage }),
  };
};
