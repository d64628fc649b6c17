import type { Request, Response } from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  { name: 'get_weather', description: 'Current weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } },
];

/**
 * GET /stream: the React client (web/useClaudeStream.ts) parses Anthropic `content_block_delta` events,
 * so text and tool-input deltas are forwarded as they arrive; the end is signalled with the stop reason.
 */
export async function streamRoute(req: Request, res: Response): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        tools,
        messages: [{ role: 'user', content: String(req.query.q) }],
      }),
    }),
  );
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') {
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    } else if (chunk.type === 'message_delta') {
      res.write(`event: done\ndata: ${chunk.delta.stop_reason}\n\n`);
    }
  }
  res.end();
}
