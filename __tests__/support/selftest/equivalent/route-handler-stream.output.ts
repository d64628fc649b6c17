import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

/** app/api/chat/route.ts style handler returning a streamed text Response. */
export async function POST(prompt: string): Promise<Response> {
  const result = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      inferenceConfig: { maxTokens: 1024 },
      system: [{ text: 'Answer in one sentence.' }],
      messages: [{ role: 'user', content: [{ text: prompt }] }],
    }),
  );
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const event of result.stream ?? []) {
        const text = event.contentBlockDelta?.delta?.text;
        if (text !== undefined) controller.enqueue(encoder.encode(text));
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
