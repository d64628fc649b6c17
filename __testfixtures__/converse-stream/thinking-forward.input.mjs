import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

/** Relays the model's reasoning and answer to a worker that expects Anthropic delta events. */
export async function relayReasoning(question, postMessage) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 3000,
        thinking: { type: 'enabled', budget_tokens: 1500 },
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  for await (const { chunk } of response.body) {
    const parsed = JSON.parse(new TextDecoder().decode(chunk.bytes));
    if (parsed.type !== 'content_block_delta') continue;
    if (parsed.delta.type === 'thinking_delta') postMessage(parsed);
    else if (parsed.delta.type === 'text_delta') postMessage(parsed);
  }
}
