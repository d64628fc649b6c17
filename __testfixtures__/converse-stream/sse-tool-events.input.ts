import type { Request, Response } from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools = [
  {
    name: 'get_weather',
    description: 'Current weather',
    input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
];

function send(res: Response, payload: unknown) {
  res.write(`data: ${JSON.stringify(payload)}\n\n`);
}

/** POST /api/chat: relays text and tool calls to the browser as server-sent events. */
export async function chatHandler(req: Request, res: Response) {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');

  const response = await bedrock.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        tools,
        messages: [{ role: 'user', content: req.body.message }],
      }),
    }),
  );

  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
    if (chunk.type === 'content_block_start' && chunk.content_block.type === 'tool_use') {
      send(res, { type: 'tool', id: chunk.content_block.id, name: chunk.content_block.name });
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') {
      send(res, { type: 'tool_input', json: chunk.delta.partial_json });
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      send(res, { type: 'text', text: chunk.delta.text });
    } else if (chunk.type === 'message_delta') {
      send(res, { type: 'done', reason: chunk.delta.stop_reason });
    }
  }
  res.end();
}
