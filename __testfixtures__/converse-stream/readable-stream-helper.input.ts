import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand, type ResponseStream } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const encoder = new TextEncoder();

/** Turns the Bedrock event stream into a byte stream of plain text for the browser. */
function toTextStream(events: AsyncIterable<ResponseStream>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      for await (const event of events) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
        if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
          controller.enqueue(encoder.encode(chunk.delta.text));
        } else if (chunk.type === 'message_stop') {
          controller.close();
        }
      }
    },
  });
}

// app/api/chat/route.ts
export async function POST(request: Request) {
  const { prompt } = await request.json();
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  return new Response(toTextStream(response.body!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function ask(prompt: string) {
  return POST(new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ prompt }) }));
}
