import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: process.env.AWS_REGION });

/** Next.js-style route handler: streams plain text to the browser. */
export async function POST(request: Request): Promise<Response> {
  const { prompt } = (await request.json()) as { prompt: string };
  const response = await mantle.messages.create({
    model: 'anthropic.claude-opus-4-7',
    max_tokens: 1000,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
  });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const chunk of response) {
        if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
          controller.enqueue(encoder.encode(chunk.delta.text));
        }
      }
      controller.close();
    },
  });
  const text = await new Response(stream).text();
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function callRoute(prompt: string): Promise<string> {
  const res = await POST(new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ prompt }) }));
  return res.text();
}
