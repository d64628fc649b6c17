import type { Request, Response } from 'express';
import { BedrockRuntimeClient, ConverseStreamCommand, type Tool } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools: Tool[] = [
  {
    toolSpec: {
      name: 'get_weather',
      description: 'Current weather',
      inputSchema: {
        json: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
      },
    },
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
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      messages: [{ role: 'user', content: [{ text: req.body.message }] }],
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools },
    }),
  );

  for await (const event of response.stream!) {
    if (event.contentBlockStart?.start?.toolUse) {
      send(res, { type: 'tool', id: event.contentBlockStart.start.toolUse.toolUseId!, name: event.contentBlockStart.start.toolUse.name! });
    } else if (event.contentBlockDelta?.delta?.text !== undefined) {
      send(res, { type: 'text', text: event.contentBlockDelta.delta.text });
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      send(res, { type: 'tool_input', json: event.contentBlockDelta.delta.toolUse.input! });
    } else if (event.messageStop) {
      send(res, { type: 'done', reason: event.messageStop.stopReason! });
    }
  }
  res.end();
}
