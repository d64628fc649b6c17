import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

/** app/api/chat/route.ts style handler returning a streamed text Response. */
export async function POST(prompt: string): Promise<Response> {
  const result = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        system: 'Answer in one sentence.',
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const event of result.body ?? []) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
        if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
          controller.enqueue(encoder.encode(chunk.delta.text));
        }
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
