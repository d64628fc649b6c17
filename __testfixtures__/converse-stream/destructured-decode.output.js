import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'ap-northeast-1' });

/** Streams a haiku and returns it with the cost of the call. */
export async function haiku(topic) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'apac.anthropic.claude-3-5-sonnet-20241022-v2:0',
      messages: [
        {
          role: 'user',
          content: [{ text: `A haiku about ${topic}, please.` }],
        },
      ],
      inferenceConfig: { maxTokens: 120, temperature: 1 },
    }),
  );

  const lines = [];
  let promptTokens = 0;
  let replyTokens = 0;
  let why;
  for await (const event of response.stream) {
    if (event.throttlingException) throw new Error('slow down');

    if (event.contentBlockDelta?.delta?.text !== undefined) {
      lines.push(event.contentBlockDelta.delta.text);
    } else if (event.messageStop) {
      why = event.messageStop.stopReason;
    } else if (event.metadata) {
      promptTokens = event.metadata.usage.inputTokens;
      replyTokens = event.metadata.usage.outputTokens;
    }
  }
  return { text: lines.join(''), promptTokens, replyTokens, why };
}
