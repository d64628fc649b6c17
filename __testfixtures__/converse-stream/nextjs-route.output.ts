// app/api/chat/route.ts — a Next.js route handler streaming plain text to the browser.
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

export const runtime = 'nodejs';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function POST(req: Request): Promise<Response> {
  const { messages } = (await req.json()) as { messages: Array<{ role: 'user' | 'assistant'; content: string }> };
  const last = messages[messages.length - 1]?.content ?? '';

  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      messages: [{ role: 'user', content: [{ text: last }] }],
      system: [{ text: 'You are a helpful assistant for a bookshop.' }],
      inferenceConfig: { maxTokens: 2048 },
    }),
  );

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const event of response.stream!) {
          if (event.contentBlockDelta?.delta?.text !== undefined) {
            controller.enqueue(encoder.encode(event.contentBlockDelta.delta.text));
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
