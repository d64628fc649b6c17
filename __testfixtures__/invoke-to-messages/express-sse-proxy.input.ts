import type { Request, Response } from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

/** POST /api/chat: forwards Claude's stream events to the browser as server-sent events. */
export async function chatProxy(req: Request, res: Response): Promise<void> {
  const { messages, system } = req.body as { messages: Array<{ role: 'user' | 'assistant'; content: string }>; system?: string };
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  try {
    const upstream = await bedrock.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: 'anthropic.claude-opus-4-7',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 1500,
          system,
          messages,
        }),
      }),
    );
    for await (const part of upstream.body!) {
      const event = JSON.parse(new TextDecoder().decode(part.chunk!.bytes));
      if (event.type === 'content_block_delta' || event.type === 'message_delta' || event.type === 'message_start') {
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      }
    }
    res.write('event: done\ndata: {}\n\n');
    res.end();
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
}
