import type { Request, Response } from 'express';
import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type Tool,
  type ContentBlockDeltaEvent,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const tools: Tool[] = [
  {
    toolSpec: {
      name: 'get_weather',
      description: 'Current weather',
      inputSchema: {
        json: { type: 'object', properties: { location: { type: 'string' } } },
      },
    },
  },
];

/**
 * GET /stream: the React client (web/useClaudeStream.ts) parses Anthropic `content_block_delta` events,
 * so text and tool-input deltas are forwarded as they arrive; the end is signalled with the stop reason.
 */
export async function streamRoute(req: Request, res: Response): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      messages: [{ role: 'user', content: [{ text: String(req.query.q) }] }],
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools },
    }),
  );
  for await (const event of response.stream!) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      res.write(`data: ${JSON.stringify(toAnthropicDeltaEvent(event.contentBlockDelta!))}\n\n`);
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      res.write(`data: ${JSON.stringify(toAnthropicDeltaEvent(event.contentBlockDelta!))}\n\n`);
    } else if (event.messageStop) {
      res.write(`event: done\ndata: ${event.messageStop.stopReason}\n\n`);
    }
  }
  res.end();
}

/** A ConverseStream content-block delta → the Anthropic `content_block_delta` event it stands for (the same JSON). */
function toAnthropicDeltaEvent(event: ContentBlockDeltaEvent) {
  const index = event.contentBlockIndex;
  const delta = event.delta;
  if (delta?.text !== undefined) return { type: 'content_block_delta', index, delta: { type: 'text_delta', text: delta.text } };
  if (delta?.toolUse) return { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: delta.toolUse.input } };
  if (delta?.reasoningContent?.text !== undefined) {
    return { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: delta.reasoningContent.text } };
  }
  if (delta?.reasoningContent?.signature !== undefined) {
    return { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: delta.reasoningContent.signature } };
  }
  throw new Error('This ConverseStream delta has no Anthropic content_block_delta counterpart');
}
