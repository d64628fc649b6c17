// Loads the SDK lazily (it is large) the first time a story is requested.
export async function streamStory(topic, onPiece) {
  const { BedrockRuntimeClient, ConverseStreamCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const client = new BedrockRuntimeClient({ region: 'us-east-1' });
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [
        {
          role: 'user',
          content: [{ text: `Tell a very short story about ${topic}.` }],
        },
        { role: 'assistant', content: [{ text: 'Once upon a time' }] },
      ],
      inferenceConfig: { maxTokens: 150, stopSequences: ['THE END'] },
    }),
  );
  let stop;
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      onPiece(event.contentBlockDelta.delta.text);
    } else if (event.messageStop) {
      stop = event.messageStop.stopReason;
    }
  }
  return stop;
}
