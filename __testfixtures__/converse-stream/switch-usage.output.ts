import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

export interface StreamResult {
  text: string;
  stopReason: string | null;
  inputTokens: number;
  outputTokens: number;
}

/** Continues a story, streaming; returns the text, why it stopped and what it cost. */
export async function chat(story: string, system: string): Promise<StreamResult> {
  const client = new BedrockRuntimeClient({ region: 'us-east-1' });
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [
        { role: 'user', content: [{ text: 'Write a long story.' }] },
        { role: 'assistant', content: [{ text: story }] },
        { role: 'user', content: [{ text: 'Go on.' }] },
      ],
      system: [{ text: system }],
      inferenceConfig: { maxTokens: 400, temperature: 0.2 },
    }),
  );

  let text = '';
  let stopReason: string | null = null;
  let inputTokens = 0;
  let outputTokens = 0;

  for await (const event of response.stream ?? []) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason!;
    } else if (event.metadata) {
      inputTokens = event.metadata.usage!.inputTokens!;
      outputTokens = event.metadata.usage!.outputTokens!;
    }
  }

  return { text, stopReason, inputTokens, outputTokens };
}
