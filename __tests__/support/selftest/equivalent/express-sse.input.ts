import type { Request, Response } from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

/** POST /chat: streams the answer as server-sent events. */
export async function chatRoute(req: Request, res: Response): Promise<void> {
  const { message } = req.body as { message: string };
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  try {
    const out = await bedrock.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 800,
          messages: [{ role: 'user', content: message }],
        }),
      }),
    );
    for await (const part of out.body!) {
      const data = JSON.parse(new TextDecoder().decode(part.chunk!.bytes));
      if (data.type === 'content_block_delta') {
        res.write(`data: ${JSON.stringify({ text: data.delta.text })}\n\n`);
      }
    }
    res.write('event: done\ndata: {}\n\n');
    res.end();
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
}
