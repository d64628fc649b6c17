import { BedrockRuntimeClient, ConverseStreamCommand, type StopReason } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Finish {
  stopReason: string;
  outputTokens: number;
}

export interface StreamHandlers {
  onText(text: string): void;
  onFinish(finish: Finish): void;
  onClose(): void;
}

/** Streams to the UI; the footer shows the stop reason and token count as soon as the model is done. */
export async function streamToUi(prompt: string, handlers: StreamHandlers): Promise<void> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 400 },
    }),
  );
  let stopReason: StopReason | undefined;
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      handlers.onText(event.contentBlockDelta.delta.text);
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason;
    } else if (event.metadata) {
      handlers.onFinish({ stopReason: stopReason!, outputTokens: event.metadata.usage!.outputTokens! });
      handlers.onClose();
    }
  }
}
