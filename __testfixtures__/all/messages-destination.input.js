import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** Gateway route: relays Claude's deltas to the caller as they are. */
export async function relay(body, send) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'global.anthropic.claude-opus-4-7',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: body.max_tokens, messages: body.messages }),
    }),
  );
  for await (const event of response.body) {
    const data = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (data.type === 'content_block_delta' || data.type === 'message_delta') send(data.type, data);
  }
}
