import { BedrockRuntimeClient, ConverseStreamCommand, type ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const encoder = new TextEncoder();

/** Turns the Bedrock event stream into a byte stream of plain text for the browser. */
function toTextStream(events: AsyncIterable<ConverseStreamOutput>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      for await (const event of events) {
        if (event.contentBlockDelta?.delta?.text !== undefined) {
          controller.enqueue(encoder.encode(event.contentBlockDelta.delta.text));
        } else if (event.messageStop) {
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
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 1024 },
    }),
  );
  return new Response(toTextStream(response.stream!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function ask(prompt: string) {
  return POST(new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ prompt }) }));
}
