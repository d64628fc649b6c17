import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = process.env.CLAUDE_MODEL_ID ?? 'anthropic.claude-3-5-haiku-20241022-v1:0';

/** The request, kept apart from the transport so it can be logged and tested. */
function buildStreamCommand(question: string, maxTokens: number) {
  return new ConverseStreamCommand({
    modelId: MODEL_ID,
    messages: [{ role: 'user', content: [{ text: question }] }],
    system: [{ text: 'Answer in one short paragraph.' }],
    inferenceConfig: { maxTokens },
  });
}

export async function answer(question: string): Promise<{ text: string; stop?: string }> {
  const response = await client.send(buildStreamCommand(question, 300));
  let text = '';
  let stop: string | undefined;
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      stop = event.messageStop.stopReason!;
    }
  }
  return { text, stop };
}
