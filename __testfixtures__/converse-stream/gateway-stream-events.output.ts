import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type ResponseStream,
  type ConverseStreamOutput,
  type ConverseCommandInput,
  type InvokeModelCommandInput,
  ConverseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import type { InvokeModelWithResponseStreamCommandOutput } from '@aws-sdk/client-bedrock-runtime';

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}

interface StreamResult {
  text: string;
  toolCalls: ToolCall[];
  stopReason: string | null;
  inputTokens: number;
  outputTokens: number;
}

const TOOLS = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
];

export class BedrockLLM {
  private readonly client = new BedrockRuntimeClient({ region: 'us-east-1' });

  /** Opens the stream for any provider; the base class below reads it. */
  async createStreamingRequest(modelId: string, prompt: string, signal?: AbortSignal): Promise<InvokeModelWithResponseStreamCommandOutput> {
    let requestBody: Record<string, unknown>;
    if (modelId.startsWith('anthropic.')) {
      requestBody = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, tools: TOOLS, messages: [{ role: 'user', content: prompt }] };
    } else if (modelId.startsWith('meta.')) {
      requestBody = { prompt, max_gen_len: 1024, temperature: 0.5 };
    } else {
      throw new Error(`Unsupported model provider for Bedrock: ${modelId}`);
    }
    const command = new InvokeModelWithResponseStreamCommand({
      modelId,
      body: JSON.stringify(requestBody),
      contentType: 'application/json',
      accept: 'application/json',
    });
    return sendClaudeViaConverseStream(this.client, command, { abortSignal: signal });
  }

  async complete(modelId: string, prompt: string): Promise<StreamResult> {
    const response = await this.createStreamingRequest(modelId, prompt);
    const result: StreamResult = { text: '', toolCalls: [], stopReason: null, inputTokens: 0, outputTokens: 0 };
    let tool: { id: string; name: string; json: string } | undefined;
    for await (const event of response.body ?? []) {
      if (!event.chunk?.bytes) continue;
      const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
      switch (chunk.type) {
        case 'content_block_start':
          if (chunk.content_block.type === 'tool_use') tool = { id: chunk.content_block.id, name: chunk.content_block.name, json: '' };
          break;
        case 'content_block_delta':
          if (chunk.delta.type === 'text_delta') result.text += chunk.delta.text;
          if (chunk.delta.type === 'input_json_delta' && tool) tool.json += chunk.delta.partial_json;
          break;
        case 'content_block_stop':
          if (tool) result.toolCalls.push({ id: tool.id, name: tool.name, input: JSON.parse(tool.json) });
          tool = undefined;
          break;
        case 'message_delta':
          result.stopReason = chunk.delta.stop_reason;
          result.outputTokens = chunk.usage.output_tokens;
          break;
        case 'message_stop':
          result.inputTokens = chunk['amazon-bedrock-invocationMetrics'].inputTokenCount;
          break;
        default:
          // Llama chunks carry the text and the counts directly.
          if (typeof chunk.generation === 'string') result.text += chunk.generation;
          if (chunk.stop_reason) result.stopReason = chunk.stop_reason;
          if (chunk.generation_token_count) result.outputTokens = chunk.generation_token_count;
          if (chunk.prompt_token_count) result.inputTokens = chunk.prompt_token_count;
      }
    }
    return result;
  }
}

export async function runBoth(prompt: string): Promise<StreamResult[]> {
  const llm = new BedrockLLM();
  return [await llm.complete('anthropic.claude-3-5-haiku-20241022-v1:0', prompt), await llm.complete('meta.llama3-1-70b-instruct-v1:0', prompt)];
}

/**
 * Sends an InvokeModelWithResponseStream command from a gateway that serves several model families. A Claude
 * model whose body maps to Converse field by field goes through ConverseStream, and its events come back as
 * the Anthropic stream chunks the code after the send reads (invokeStreamFromConverse); every other call is
 * sent exactly as before.
 */
function sendClaudeViaConverseStream(
  client: BedrockRuntimeClient,
  command: InvokeModelWithResponseStreamCommand,
  options?: Parameters<BedrockRuntimeClient['send']>[1],
): Promise<InvokeModelWithResponseStreamCommandOutput> {
  const converse = typeof options === 'function' ? undefined : claudeConverseRequest(command.input);
  if (!converse) return client.send(command, options);
  return client.send(new ConverseStreamCommand(converse.request), options).then((output) => ({
    $metadata: output.$metadata,
    contentType: 'application/json',
    body: output.stream && invokeStreamFromConverse(output.stream, converse.textCompletion),
  }));
}

/**
 * The Converse request an InvokeModel input stands for, when the model ID names a Claude model (a base ID, an
 * inference-profile ID, or a foundation-model or inference-profile ARN; an application inference profile ARN
 * does not say which model it is) and every field of the body has a Converse place. Otherwise undefined: the
 * call stays on InvokeModel exactly as before. Models whose Converse support is not documented stay too.
 */
function claudeConverseRequest(input: InvokeModelCommandInput): { request: ConverseCommandInput; textCompletion: boolean } | undefined {
  const model = /^(?:arn:aws[\w-]*:bedrock:[\w-]*:\d*:(?:foundation-model|inference-profile)\/)?(?:(?:global|us|us-gov|eu|jp|apac|au|ca)\.)?(anthropic\.claude-[\w.:-]+)$/.exec(String(input.modelId))?.[1];
  if (!model || /^(?:anthropic\.claude-opus-4-8)$/.test(model)) return undefined;
  const { modelId, body: raw, contentType, accept, performanceConfigLatency, serviceTier, ...other } = input;
  if (Object.values(other).some((value) => value !== undefined)) return undefined;
  if ((contentType ?? 'application/json') !== 'application/json' || (accept ?? 'application/json') !== 'application/json') return undefined;
  let body: any;
  try {
    body = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw as Uint8Array));
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Object.values(body).some((value) => value === null)) return undefined;
  const textCompletion = typeof body.prompt === 'string';
  const fields = textCompletion ? converseFieldsFromPrompt(body) : converseFieldsFromMessages(body);
  if (!fields) return undefined;
  const request = {
    modelId,
    ...fields,
    ...(performanceConfigLatency === undefined ? {} : { performanceConfig: { latency: performanceConfigLatency } }),
    ...(serviceTier === undefined ? {} : { serviceTier: { type: serviceTier } }),
  };
  return { request: request as ConverseCommandInput, textCompletion };
}

/** An Anthropic Messages body → Converse fields (reference §3a), or undefined when a field has no Converse place. */
function converseFieldsFromMessages(body: any): any {
  const { anthropic_version, max_tokens, messages, system, temperature, top_p, top_k, stop_sequences, tools, tool_choice, thinking, ...other } = body;
  // A body InvokeModel would reject (no max_tokens, no messages) stays there and fails as before.
  if (anthropic_version !== 'bedrock-2023-05-31' || typeof max_tokens !== 'number' || !Array.isArray(messages) || Object.keys(other).length > 0) return undefined;
  const converseMessages: any[] = [];
  for (const message of messages) {
    const content = converseContent(message?.content);
    if (!content || (message.role !== 'user' && message.role !== 'assistant') || Object.keys(message).length !== 2) return undefined;
    converseMessages.push({ role: message.role, content });
  }
  const converseSystem = system === undefined ? [] : converseContent(system);
  if (!converseSystem || converseSystem.some((block: any) => block.text === undefined && !block.cachePoint)) return undefined;
  const usesTools = converseMessages.some((message) => message.content.some((block: any) => block.toolUse || block.toolResult));
  const toolSpecs: any[] = [];
  for (const tool of Array.isArray(tools) ? tools : []) {
    const { type, name, description, input_schema, cache_control, ...rest } = tool ?? {};
    if ((type ?? 'custom') !== 'custom' || typeof name !== 'string' || !input_schema || Object.keys(rest).length > 0) return undefined;
    toolSpecs.push({ toolSpec: { name, description, inputSchema: { json: input_schema } } });
    if (cache_control !== undefined) {
      if (cache_control?.type !== 'ephemeral') return undefined;
      toolSpecs.push({ cachePoint: cache_control.ttl === undefined ? { type: 'default' } : { type: 'default', ttl: cache_control.ttl } });
    }
  }
  const choiceKeys = tool_choice === undefined ? [] : Object.keys(tool_choice);
  const toolChoice =
    tool_choice === undefined ? undefined
    : (tool_choice.type === 'auto' || tool_choice.type === 'any') && choiceKeys.length === 1 ? { [tool_choice.type]: {} }
    : tool_choice.type === 'tool' && choiceKeys.length === 2 ? { tool: { name: tool_choice.name } }
    : null;
  if ((tools !== undefined && !Array.isArray(tools)) || toolChoice === null) return undefined;
  // Converse wants a toolConfig wherever the history holds tool blocks, and a choice needs tools to choose from.
  if (toolSpecs.length === 0 && (usesTools || toolChoice !== undefined)) return undefined;
  const additional = { ...(top_k === undefined ? {} : { top_k }), ...(thinking === undefined ? {} : { thinking }) };
  return {
    messages: converseMessages,
    ...(system === undefined ? {} : { system: converseSystem }),
    inferenceConfig: { maxTokens: max_tokens, temperature, topP: top_p, stopSequences: stop_sequences },
    ...(toolSpecs.length === 0 ? {} : { toolConfig: { tools: toolSpecs, ...(toolChoice === undefined ? {} : { toolChoice }) } }),
    ...(Object.keys(additional).length === 0 ? {} : { additionalModelRequestFields: additional }),
    ...(stop_sequences === undefined ? {} : { additionalModelResponseFieldPaths: ['/stop_sequence'] }),
  };
}

/**
 * Anthropic content (a string or blocks: text, base64 image, tool_use, tool_result, thinking; cache_control
 * becomes a cachePoint after its block) → Converse content blocks, or undefined for anything else.
 */
function converseContent(content: any): any[] | undefined {
  if (typeof content === 'string') return [{ text: content }];
  if (!Array.isArray(content)) return undefined;
  const blocks: any[] = [];
  for (const item of content) {
    if (!item || typeof item !== 'object') return undefined;
    const { cache_control, ...block } = item;
    const keys = Object.keys(block).sort().join(',');
    const source = block.source ?? {};
    const format = /^image\/(jpeg|png|gif|webp)$/.exec(source.media_type)?.[1];
    const resultKeys = block.is_error === undefined ? 'content,tool_use_id,type' : 'content,is_error,tool_use_id,type';
    const result = block.type === 'tool_result' && keys === resultKeys ? converseContent(block.content) : undefined;
    if (block.type === 'text' && keys === 'text,type') blocks.push({ text: block.text });
    else if (block.type === 'image' && keys === 'source,type' && source.type === 'base64' && format && /^[A-Za-z0-9+\/]*={0,2}$/.test(source.data)) {
      blocks.push({ image: { format, source: { bytes: Uint8Array.from(atob(source.data), (c) => c.charCodeAt(0)) } } });
    } else if (block.type === 'tool_use' && keys === 'id,input,name,type') blocks.push({ toolUse: { toolUseId: block.id, name: block.name, input: block.input } });
    else if (result && result.every((part) => part.text !== undefined || part.image)) {
      const status = block.is_error === undefined ? {} : { status: block.is_error ? 'error' : 'success' };
      blocks.push({ toolResult: { toolUseId: block.tool_use_id, content: result, ...status } });
    } else if (block.type === 'thinking' && keys === 'signature,thinking,type') {
      blocks.push({ reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } });
    } else return undefined;
    if (cache_control !== undefined) {
      if (cache_control?.type !== 'ephemeral') return undefined;
      blocks.push({ cachePoint: cache_control.ttl === undefined ? { type: 'default' } : { type: 'default', ttl: cache_control.ttl } });
    }
  }
  return blocks;
}

/**
 * A Text Completions body → Converse fields, when its prompt splits cleanly into '\n\nHuman:' / '\n\nAssistant:'
 * turns that alternate from a Human turn and end with an empty Assistant turn; otherwise undefined.
 */
function converseFieldsFromPrompt(body: any): any {
  const { anthropic_version, prompt, max_tokens_to_sample, temperature, top_p, top_k, stop_sequences, ...other } = body;
  if (Object.keys(other).length > 0 || typeof max_tokens_to_sample !== 'number' || (anthropic_version ?? 'bedrock-2023-05-31') !== 'bedrock-2023-05-31') return undefined;
  const parts = prompt.split(/\n\n(Human|Assistant):/);
  if (parts[0] !== '' || parts.length < 5 || parts[parts.length - 2] !== 'Assistant' || parts[parts.length - 1] !== '') return undefined;
  const messages: any[] = [];
  for (let i = 1; i < parts.length - 2; i += 2) {
    const role = parts[i] === 'Human' ? 'user' : 'assistant';
    const text = parts[i + 1].replace(/^ /, '');
    if (text.trim() === '' || role !== (messages.length % 2 === 0 ? 'user' : 'assistant')) return undefined;
    messages.push({ role, content: [{ text }] });
  }
  if (messages.length % 2 !== 1) return undefined;
  if (stop_sequences !== undefined && !Array.isArray(stop_sequences)) return undefined;
  // '\n\nHuman:' ended the legacy turn; with messages the model ends its turn by itself.
  const stops = stop_sequences?.filter((stop: unknown) => stop !== '\n\nHuman:');
  return {
    messages,
    inferenceConfig: { maxTokens: max_tokens_to_sample, temperature, topP: top_p, stopSequences: stops?.length ? stops : undefined },
    ...(top_k === undefined ? {} : { additionalModelRequestFields: { top_k } }),
  };
}

/**
 * ConverseStream events → InvokeModelWithResponseStream chunks carrying the Anthropic events each stands for
 * (reference §4): message_start, content_block_start (text, thinking, tool_use), content_block_delta
 * (text_delta, input_json_delta, thinking_delta, signature_delta), content_block_stop, then message_delta
 * (stop_reason, usage) and message_stop (amazon-bedrock-invocationMetrics), both sent once metadata arrives.
 * Converse gives no message id or model name, and the input tokens only at the end: message_start carries
 * input_tokens 0 and message_delta the real count; invocationMetrics has no firstByteLatency. Converse-only
 * stop reasons (content_filtered, guardrail_intervened, ...) arrive as they are. For a Text Completions request
 * the chunks are { completion, stop_reason } pieces.
 */
async function* invokeStreamFromConverse(stream: AsyncIterable<ConverseStreamOutput>, textCompletion: boolean): AsyncGenerator<ResponseStream> {
  const chunk = (event: object) => ({ chunk: { bytes: new TextEncoder().encode(JSON.stringify(event)) } });
  const started = new Set<number>();
  const start = (index: number, content_block: object) => {
    started.add(index);
    return chunk({ type: 'content_block_start', index, content_block });
  };
  let stop: any;
  for await (const event of stream) {
    if (event.messageStart && !textCompletion) {
      const message = { type: 'message', role: event.messageStart.role, content: [], stop_reason: null, stop_sequence: null };
      yield chunk({ type: 'message_start', message: { ...message, usage: { input_tokens: 0, output_tokens: 0 } } });
    } else if (event.contentBlockStart?.start?.toolUse && !textCompletion) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      yield start(event.contentBlockStart.contentBlockIndex ?? 0, { type: 'tool_use', id: toolUseId, name, input: {} });
    } else if (event.contentBlockDelta) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta: any = event.contentBlockDelta.delta ?? {};
      if (textCompletion) {
        if (delta.text !== undefined) yield chunk({ completion: delta.text, stop_reason: null, stop: null });
      } else if (delta.text !== undefined) {
        if (!started.has(index)) yield start(index, { type: 'text', text: '' });
        yield chunk({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: delta.text } });
      } else if (delta.toolUse) {
        yield chunk({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: delta.toolUse.input } });
      } else if (delta.reasoningContent) {
        if (!started.has(index)) yield start(index, { type: 'thinking', thinking: '', signature: '' });
        const { text, signature } = delta.reasoningContent;
        if (text !== undefined) yield chunk({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: text } });
        if (signature !== undefined) yield chunk({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } });
      }
    } else if (event.contentBlockStop && !textCompletion) {
      const index = event.contentBlockStop.contentBlockIndex ?? 0;
      if (!started.has(index)) yield start(index, { type: 'text', text: '' });
      yield chunk({ type: 'content_block_stop', index });
    } else if (event.messageStop) {
      stop = event.messageStop;
    } else if (event.metadata) {
      yield* stopChunks(event.metadata);
      stop = undefined;
    }
  }
  if (stop) yield* stopChunks({});

  function* stopChunks(metadata: any) {
    const usage = metadata.usage ?? {};
    const metrics = {
      inputTokenCount: usage.inputTokens ?? 0,
      outputTokenCount: usage.outputTokens ?? 0,
      ...(metadata.metrics?.latencyMs === undefined ? {} : { invocationLatency: metadata.metrics.latencyMs }),
      ...(usage.cacheReadInputTokens === undefined ? {} : { cacheReadInputTokenCount: usage.cacheReadInputTokens }),
      ...(usage.cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokenCount: usage.cacheWriteInputTokens }),
    };
    const stopSequence = stop?.additionalModelResponseFields?.stop_sequence ?? null;
    if (textCompletion) {
      const stop_reason = stop?.stopReason !== 'end_turn' ? stop?.stopReason : 'stop_sequence';
      yield chunk({ completion: '', stop_reason, stop: stopSequence, 'amazon-bedrock-invocationMetrics': metrics });
      return;
    }
    const tokens = { input_tokens: metrics.inputTokenCount, output_tokens: metrics.outputTokenCount };
    yield chunk({ type: 'message_delta', delta: { stop_reason: stop?.stopReason, stop_sequence: stopSequence }, usage: tokens });
    yield chunk({ type: 'message_stop', 'amazon-bedrock-invocationMetrics': metrics });
  }
}
