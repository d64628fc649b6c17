// Loads the SDK lazily (it is large) the first time a story is requested.
export async function streamStory(topic, onPiece) {
  const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = await import('@aws-sdk/client-bedrock-runtime');
  const client = new BedrockRuntimeClient({ region: 'us-east-1' });
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 150,
        stop_sequences: ['THE END'],
        messages: [
          { role: 'user', content: `Tell a very short story about ${topic}.` },
          { role: 'assistant', content: 'Once upon a time' },
        ],
      }),
    }),
  );
  let stop;
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      onPiece(chunk.delta.text);
    } else if (chunk.type === 'message_delta') {
      stop = chunk.delta.stop_reason;
    }
  }
  return stop;
}
