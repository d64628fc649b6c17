// app/api/chat/route.ts — a Next.js route handler streaming plain text to the browser.
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

export const runtime = 'nodejs';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function POST(req: Request): Promise<Response> {
  const { messages } = (await req.json()) as { messages: Array<{ role: 'user' | 'assistant'; content: string }> };
  const last = messages[messages.length - 1]?.content ?? '';

  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 2048,
        system: 'You are a helpful assistant for a bookshop.',
        messages: [{ role: 'user', content: last }],
      }),
    }),
  );

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const event of response.body!) {
          const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
          if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
            controller.enqueue(encoder.encode(chunk.delta.text));
          }
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });

  return new Response(stream, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
