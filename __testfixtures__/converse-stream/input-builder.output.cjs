const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

function buildStreamRequest(question, history) {
  const messages = [...history, { role: 'user', content: question }];
  return {
    modelId: MODEL_ID,
    messages: toConverseMessages(messages),
    inferenceConfig: { maxTokens: 512, temperature: 0.2 },
  };
}

async function streamAnswer(question, history, write) {
  const command = new ConverseStreamCommand(buildStreamRequest(question, history));
  const response = await client.send(command);
  let stopReason;
  for await (const item of response.stream) {
    if (item.contentBlockDelta) {
      write(item.contentBlockDelta.delta.text);
    } else if (item.messageStop) {
      stopReason = item.messageStop.stopReason;
    }
  }
  return stopReason;
}

module.exports = { streamAnswer };

/** Anthropic Messages-format messages (as callers send them) → Converse messages. */
function toConverseMessages(messages) {
  return messages.map((message) => ({
    role: message.role,
    content: toConverseContent(message.content),
  }));
}

/**
 * Anthropic content (a string or content blocks) → Converse content blocks: text, base64 image, tool_use,
 * tool_result, thinking; a cache_control becomes a cachePoint after its block.
 */
function toConverseContent(content) {
  if (typeof content === 'string') return [{ text: content }];
  return content.flatMap((block) => {
    const converted = toConverseBlock(block);
    if (!block.cache_control) return [converted];
    if (block.cache_control.type !== 'ephemeral') throw new Error('cache_control: only the ephemeral type has a Converse cachePoint');
    const ttl = block.cache_control.ttl;
    return [converted, { cachePoint: ttl === undefined ? { type: 'default' } : { type: 'default', ttl } }];
  });
}

function toConverseBlock(block) {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'image': {
      const format = /^image\/(jpeg|png|gif|webp)$/.exec(block.source?.media_type ?? '')?.[1];
      if (block.source?.type !== 'base64' || !format) throw new Error('image: only base64 jpeg, png, gif or webp sources map to Converse');
      return { image: { format, source: { bytes: Buffer.from(block.source.data, 'base64') } } };
    }
    case 'tool_use':
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input } };
    case 'tool_result': {
      if (block.content === undefined) throw new Error('tool_result without content has no Converse equivalent');
      const content = typeof block.content === 'string' ? [{ text: block.content }] : block.content.map(toConverseBlock);
      const status = block.is_error === undefined ? {} : { status: block.is_error ? 'error' : 'success' };
      return { toolResult: { toolUseId: block.tool_use_id, content, ...status } };
    }
    case 'thinking':
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    default:
      throw new Error(`a '${block.type}' content block has no Converse mapping here`);
  }
}
