import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ContentBlock,
  type Message,
  type Tool,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';

const tools: Tool[] = [
  {
    toolSpec: {
      name: 'get_weather',
      description: 'Current weather for a city',
      inputSchema: {
        json: { type: 'object', properties: { location: { type: 'string' }, unit: { type: 'string' } }, required: ['location'] },
      },
    },
  },
];

/** One streamed turn: the text, the tool call (if any) and the stop reason. */
async function streamTurn(messages: unknown[]) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: MODEL,
      messages: toConverseMessages(messages),
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools },
    }),
  );
  let text = '';
  let tool: { id: string; name: string } | undefined;
  let json = '';
  let stopReason = '';
  for await (const event of response.stream!) {
    if (event.contentBlockStart?.start?.toolUse) {
      tool = { id: event.contentBlockStart.start.toolUse.toolUseId!, name: event.contentBlockStart.start.toolUse.name! };
    } else if (event.contentBlockDelta?.delta?.text !== undefined) {
      text += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.toolUse) {
      json += event.contentBlockDelta.delta.toolUse.input!;
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason!;
    }
  }
  return { text, tool: tool && { ...tool, input: JSON.parse(json) }, stopReason };
}

export async function weatherAgent(question: string) {
  const first = await streamTurn([{ role: 'user', content: question }]);
  if (first.stopReason !== 'tool_use' || !first.tool) return first.text;
  const second = await streamTurn([
    { role: 'user', content: question },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: first.text },
        { type: 'tool_use', id: first.tool.id, name: first.tool.name, input: first.tool.input },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: first.tool.id, content: '12 degrees, raining' }] },
  ]);
  return `${first.text} ${second.text}`;
}

/** Anthropic Messages-format messages (as callers send them) → Converse messages. */
function toConverseMessages(messages: unknown): Message[] {
  return (messages as Array<{ role: 'user' | 'assistant'; content: unknown }>).map((message) => ({
    role: message.role,
    content: toConverseContent(message.content),
  }));
}

/**
 * Anthropic content (a string or content blocks) → Converse content blocks: text, base64 image, tool_use,
 * tool_result, thinking; a cache_control becomes a cachePoint after its block.
 */
function toConverseContent(content: unknown): ContentBlock[] {
  if (typeof content === 'string') return [{ text: content }];
  return (content as Array<Record<string, any>>).flatMap((block) => {
    const converted = toConverseBlock(block);
    if (!block.cache_control) return [converted];
    if (block.cache_control.type !== 'ephemeral') throw new Error('cache_control: only the ephemeral type has a Converse cachePoint');
    const ttl = block.cache_control.ttl;
    return [converted, { cachePoint: ttl === undefined ? { type: 'default' } : { type: 'default', ttl } } as ContentBlock];
  });
}

function toConverseBlock(block: Record<string, any>): ContentBlock {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'image': {
      const format = /^image\/(jpeg|png|gif|webp)$/.exec(block.source?.media_type ?? '')?.[1];
      if (block.source?.type !== 'base64' || !format) throw new Error('image: only base64 jpeg, png, gif or webp sources map to Converse');
      return { image: { format, source: { bytes: Buffer.from(block.source.data, 'base64') } } } as ContentBlock;
    }
    case 'tool_use':
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input } };
    case 'tool_result': {
      if (block.content === undefined) throw new Error('tool_result without content has no Converse equivalent');
      const content = typeof block.content === 'string' ? [{ text: block.content }] : block.content.map(toConverseBlock);
      const status = block.is_error === undefined ? {} : { status: block.is_error ? 'error' : 'success' };
      return { toolResult: { toolUseId: block.tool_use_id, content, ...status } } as ContentBlock;
    }
    case 'thinking':
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    default:
      throw new Error(`a '${block.type}' content block has no Converse mapping here`);
  }
}
