import type { Request, Response } from 'express';
import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

/** POST /api/chat: forwards Claude's stream events to the browser as server-sent events. */
export async function chatProxy(req: Request, res: Response): Promise<void> {
  const { messages, system } = req.body as { messages: Array<{ role: 'user' | 'assistant'; content: string }>; system?: string };
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.flushHeaders();
  try {
    const upstream = await mantle.messages.create({
      model: 'anthropic.claude-opus-4-7',
      max_tokens: 1500,
      system,
      messages,
      stream: true,
    });
    for await (const event of upstream) {
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
