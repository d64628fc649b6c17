import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = process.env.CLAUDE_MODEL_ID ?? 'anthropic.claude-3-5-haiku-20241022-v1:0';

/** The request, kept apart from the transport so it can be logged and tested. */
function buildStreamCommand(question: string, maxTokens: number) {
  return new InvokeModelWithResponseStreamCommand({
    modelId: MODEL_ID,
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: maxTokens,
      system: 'Answer in one short paragraph.',
      messages: [{ role: 'user', content: question }],
    }),
  });
}

export async function answer(question: string): Promise<{ text: string; stop?: string }> {
  const response = await client.send(buildStreamCommand(question, 300));
  let text = '';
  let stop: string | undefined;
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') text += chunk.delta.text;
    else if (chunk.type === 'message_delta') stop = chunk.delta.stop_reason;
  }
  return { text, stop };
}
