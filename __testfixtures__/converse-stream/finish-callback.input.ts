import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

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
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 400,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    switch (chunk.type) {
      case 'content_block_delta':
        if (chunk.delta.type === 'text_delta') handlers.onText(chunk.delta.text);
        break;
      case 'message_delta':
        handlers.onFinish({ stopReason: chunk.delta.stop_reason, outputTokens: chunk.usage.output_tokens });
        break;
      case 'message_stop':
        handlers.onClose();
        break;
    }
  }
}
