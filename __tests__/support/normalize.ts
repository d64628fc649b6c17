/**
 * One canonical meaning for a Bedrock request, whichever API carried it.
 *
 * An InvokeModel body (Anthropic Messages, or legacy Text Completions) and a Converse request that ask the
 * model the same thing normalise to deep-equal values. The mapping follows shared/reference/bedrock-claude-api.md
 * §3a (request mapping), §2a-§2c (Converse shapes), §2f (fields that travel in additionalModelRequestFields)
 * and §1b (Anthropic body fields).
 *
 * Deliberately ignored, because they do not change what the model is asked:
 * - `anthropic_version` (§3a: dropped in Converse);
 * - a Converse document `name` vs an Anthropic document `title`: Converse requires a name, Anthropic's title
 *   is optional, so there is no one-to-one value to compare;
 * - `additionalModelResponseFieldPaths` (only selects extra response fields; returned values are compared
 *   separately).
 */
import type { RecordedRequest } from './stub-bedrock';

export type CanonBlock =
  | { type: 'text'; text: string }
  | { type: 'cache_point'; ttl?: string }
  | { type: 'image'; format: string; data?: string; s3?: unknown }
  | { type: 'document'; format?: string; data?: string; text?: string; content?: CanonBlock[]; s3?: unknown; context?: string; citations?: boolean }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; toolUseId: string; content: CanonBlock[]; isError: boolean }
  | { type: 'thinking'; thinking: string; signature?: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'json'; json: unknown }
  | { type: 'unknown'; value: unknown };

export interface CanonMessage {
  role: string;
  content: CanonBlock[];
}

export type CanonTool =
  | { kind: 'custom'; name: string; description?: string; inputSchema: unknown; strict?: boolean }
  | { kind: 'cache_point'; ttl?: string }
  /** An Anthropic-defined tool (text editor, bash, computer, …), as its Anthropic object. */
  | { kind: 'anthropic'; tool: Record<string, unknown> }
  | { kind: 'system'; name: string }
  | { kind: 'unknown'; value: unknown };

export interface CanonToolChoice {
  type: string;
  name?: string;
  disableParallelToolUse?: boolean;
}

export interface CanonicalRequest {
  /** Streaming operation (InvokeModelWithResponseStream / ConverseStream)? */
  stream: boolean;
  modelId: string;
  system?: CanonBlock[];
  messages: CanonMessage[];
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  tools?: CanonTool[];
  toolChoice?: CanonToolChoice;
  thinking?: unknown;
  anthropicBeta?: unknown;
  effort?: unknown;
  outputFormat?: unknown;
  guardrail?: { identifier?: string; version?: string; trace?: string };
  performanceLatency?: string;
  serviceTier?: string;
  requestMetadata?: unknown;
  /** Anything with no canonical slot, keyed by where it came from. Must be equal too. */
  extra?: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Re-encodes base64 so that line breaks or padding differences do not count as a difference. */
function canonBase64(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return Buffer.from(value, 'base64').toString('base64');
}

/** Removes `undefined` members (they do not exist on the wire). */
export function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripUndefined(v)) as T;
  if (isObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out as T;
  }
  return value;
}

function finish(request: CanonicalRequest): CanonicalRequest {
  return dropEmptyLists(stripUndefined(request));
}

function cachePoint(cacheControl: unknown): CanonBlock {
  const ttl = isObject(cacheControl) && typeof cacheControl.ttl === 'string' ? cacheControl.ttl : undefined;
  return { type: 'cache_point', ttl };
}

// ---------------------------------------------------------------------------------------------------------
// Anthropic Messages (InvokeModel body)
// ---------------------------------------------------------------------------------------------------------

const DOCUMENT_FORMATS: Record<string, string> = { 'application/pdf': 'pdf', 'text/plain': 'txt' };

function anthropicBlock(block: unknown): CanonBlock[] {
  if (typeof block === 'string') return [{ type: 'text', text: block }];
  if (!isObject(block)) return [{ type: 'unknown', value: block }];
  const out: CanonBlock[] = [];
  const source = isObject(block.source) ? block.source : {};
  switch (block.type) {
    case 'text':
      out.push({ type: 'text', text: String(block.text) });
      break;
    case 'image':
      if (source.type === 'base64') {
        out.push({ type: 'image', format: String(source.media_type).replace(/^image\//, ''), data: canonBase64(source.data) });
      } else {
        out.push({ type: 'unknown', value: block });
      }
      break;
    case 'document': {
      const citations = isObject(block.citations) ? !!block.citations.enabled : undefined;
      const context = typeof block.context === 'string' ? block.context : undefined;
      if (source.type === 'base64') {
        out.push({ type: 'document', format: DOCUMENT_FORMATS[String(source.media_type)] ?? String(source.media_type), data: canonBase64(source.data), context, citations });
      } else if (source.type === 'text') {
        out.push({ type: 'document', format: 'txt', text: String(source.data), context, citations });
      } else if (source.type === 'content') {
        const content = Array.isArray(source.content) ? source.content.flatMap(anthropicBlock) : anthropicBlock(source.content);
        out.push({ type: 'document', content, context, citations });
      } else {
        out.push({ type: 'unknown', value: block });
      }
      break;
    }
    case 'tool_use':
      out.push({ type: 'tool_use', id: String(block.id), name: String(block.name), input: block.input });
      break;
    case 'tool_result': {
      const content =
        block.content === undefined ? [] : Array.isArray(block.content) ? block.content.flatMap(anthropicBlock) : anthropicBlock(block.content);
      out.push({ type: 'tool_result', toolUseId: String(block.tool_use_id), content: dropEmptyText(content), isError: block.is_error === true });
      break;
    }
    case 'thinking':
      out.push({ type: 'thinking', thinking: String(block.thinking), signature: block.signature as string | undefined });
      break;
    case 'redacted_thinking':
      // [uncertain] §3a: the byte encoding of `data` vs Converse `redactedContent`; compared as base64.
      out.push({ type: 'redacted_thinking', data: canonBase64(block.data) ?? '' });
      break;
    default:
      out.push({ type: 'unknown', value: block });
  }
  if (block.cache_control !== undefined) out.push(cachePoint(block.cache_control));
  return out;
}

/** Converse needs content in a tool result; `[{text: ''}]` and no content mean the same (§3a [uncertain]). */
function dropEmptyText(blocks: CanonBlock[]): CanonBlock[] {
  return blocks.filter((b) => !(b.type === 'text' && b.text === ''));
}

function anthropicContent(content: unknown): CanonBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (Array.isArray(content)) return content.flatMap(anthropicBlock);
  return [{ type: 'unknown', value: content }];
}

function anthropicTool(tool: unknown): CanonTool[] {
  if (!isObject(tool)) return [{ kind: 'unknown', value: tool }];
  const out: CanonTool[] = [];
  const { cache_control, ...rest } = tool;
  if (rest.type === undefined || rest.type === 'custom') {
    out.push({
      kind: 'custom',
      name: String(rest.name),
      description: rest.description as string | undefined,
      inputSchema: rest.input_schema,
      strict: rest.strict as boolean | undefined,
    });
  } else {
    out.push({ kind: 'anthropic', tool: rest });
  }
  if (cache_control !== undefined) {
    const point = cachePoint(cache_control) as { ttl?: string };
    out.push({ kind: 'cache_point', ttl: point.ttl });
  }
  return out;
}

function anthropicToolChoice(choice: unknown): CanonToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (!isObject(choice)) return { type: `unknown:${JSON.stringify(choice)}` };
  return {
    type: String(choice.type),
    name: choice.name as string | undefined,
    disableParallelToolUse: choice.disable_parallel_tool_use as boolean | undefined,
  };
}

function anthropicSystem(system: unknown): CanonBlock[] | undefined {
  if (system === undefined) return undefined;
  return anthropicContent(system);
}

function anthropicOutputConfig(config: unknown): { effort?: unknown; outputFormat?: unknown; rest?: Json } {
  if (!isObject(config)) return config === undefined ? {} : { rest: { output_config: config } };
  const { effort, format, ...rest } = config;
  let outputFormat: unknown = format;
  if (isObject(format) && format.type === 'json_schema') outputFormat = { type: 'json_schema', schema: format.schema };
  return { effort, outputFormat, rest: Object.keys(rest).length ? { output_config: rest } : undefined };
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  return headers?.[name.toLowerCase()];
}

/** The InvokeModel fields that travel as HTTP headers (guardrail, latency, tier, request metadata). */
function invokeHeaders(headers: Record<string, string> | undefined): Partial<CanonicalRequest> {
  const identifier = headerValue(headers, 'x-amzn-bedrock-guardrailidentifier');
  const version = headerValue(headers, 'x-amzn-bedrock-guardrailversion');
  const trace = headerValue(headers, 'x-amzn-bedrock-trace');
  let requestMetadata: unknown = headerValue(headers, 'x-amzn-bedrock-request-metadata');
  if (typeof requestMetadata === 'string') {
    try {
      requestMetadata = JSON.parse(requestMetadata);
    } catch {
      /* keep the raw header */
    }
  }
  return {
    guardrail: identifier || version || trace ? { identifier, version, trace: trace?.toLowerCase() } : undefined,
    performanceLatency: headerValue(headers, 'x-amzn-bedrock-performanceconfig-latency'),
    serviceTier: headerValue(headers, 'x-amzn-bedrock-service-tier'),
    requestMetadata,
  };
}

/**
 * Legacy Text Completions prompt → messages. Text before the first `Human:` turn is the system prompt
 * (Claude 2.1 convention); the trailing empty `Assistant:` is the generation slot and disappears; a
 * non-empty last `Assistant:` turn is a prefill and stays as an assistant message.
 */
export function parseTextCompletionsPrompt(prompt: string): { system?: string; messages: CanonMessage[] } {
  const marker = /(?:^|\n\n)(Human|Assistant):/g;
  const found: Array<{ role: string; start: number; end: number }> = [];
  for (let m = marker.exec(prompt); m; m = marker.exec(prompt)) {
    found.push({ role: m[1] === 'Human' ? 'user' : 'assistant', start: m.index, end: m.index + m[0].length });
  }
  const before = prompt.slice(0, found[0]?.start ?? prompt.length).trim();
  const messages: CanonMessage[] = [];
  found.forEach((turn, i) => {
    const text = prompt.slice(turn.end, found[i + 1]?.start ?? prompt.length).trim();
    const isLast = i === found.length - 1;
    if (isLast && turn.role === 'assistant' && text === '') return;
    messages.push({ role: turn.role, content: [{ type: 'text', text }] });
  });
  return { system: before || undefined, messages };
}

function normalizeTextCompletions(body: Json, modelId: string, stream: boolean, headers?: Record<string, string>): CanonicalRequest {
  const { prompt, max_tokens_to_sample, temperature, top_p, top_k, stop_sequences, anthropic_version: _v, ...rest } = body;
  const parsed = parseTextCompletionsPrompt(String(prompt));
  // "\n\nHuman:" as a stop sequence only ends the assistant turn, which the Messages format does by itself.
  const stops = Array.isArray(stop_sequences) ? stop_sequences.filter((s) => s !== '\n\nHuman:') : undefined;
  return finish({
    stream,
    modelId,
    system: parsed.system === undefined ? undefined : [{ type: 'text', text: parsed.system }],
    messages: parsed.messages,
    maxTokens: max_tokens_to_sample as number | undefined,
    temperature: temperature as number | undefined,
    topP: top_p as number | undefined,
    topK: top_k as number | undefined,
    stopSequences: stops && stops.length ? (stops as string[]) : undefined,
    ...invokeHeaders(headers),
    extra: Object.keys(rest).length ? rest : undefined,
  });
}

/** Normalises an InvokeModel / InvokeModelWithResponseStream body (Anthropic Messages or Text Completions). */
export function normalizeInvokeModel(
  body: unknown,
  modelId: string,
  options: { stream?: boolean; headers?: Record<string, string> } = {},
): CanonicalRequest {
  const stream = !!options.stream;
  if (!isObject(body)) return { stream, modelId, messages: [], extra: { body } };
  if (typeof body.prompt === 'string') return normalizeTextCompletions(body, modelId, stream, options.headers);
  const {
    anthropic_version: _version,
    messages,
    system,
    max_tokens,
    temperature,
    top_p,
    top_k,
    stop_sequences,
    tools,
    tool_choice,
    thinking,
    anthropic_beta,
    output_config,
    ...rest
  } = body;
  const output = anthropicOutputConfig(output_config);
  const extra = { ...rest, ...output.rest };
  return finish({
    stream,
    modelId,
    system: anthropicSystem(system),
    messages: Array.isArray(messages)
      ? messages.map((m) => ({ role: String(isObject(m) ? m.role : m), content: anthropicContent(isObject(m) ? m.content : undefined) }))
      : [],
    maxTokens: max_tokens as number | undefined,
    temperature: temperature as number | undefined,
    topP: top_p as number | undefined,
    topK: top_k as number | undefined,
    stopSequences: stop_sequences as string[] | undefined,
    tools: Array.isArray(tools) ? tools.flatMap(anthropicTool) : undefined,
    toolChoice: anthropicToolChoice(tool_choice),
    thinking,
    anthropicBeta: anthropic_beta,
    effort: output.effort,
    outputFormat: output.outputFormat,
    ...invokeHeaders(options.headers),
    extra: Object.keys(extra).length ? extra : undefined,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Converse
// ---------------------------------------------------------------------------------------------------------

function converseBlock(block: unknown): CanonBlock {
  if (!isObject(block)) return { type: 'unknown', value: block };
  if (typeof block.text === 'string') return { type: 'text', text: block.text };
  if (isObject(block.image)) {
    const source = isObject(block.image.source) ? block.image.source : {};
    if (source.bytes !== undefined) return { type: 'image', format: String(block.image.format), data: canonBase64(source.bytes) };
    return { type: 'image', format: String(block.image.format), s3: source.s3Location };
  }
  if (isObject(block.document)) {
    const doc = block.document;
    const source = isObject(doc.source) ? doc.source : {};
    const citations = isObject(doc.citations) ? !!doc.citations.enabled : undefined;
    const context = typeof doc.context === 'string' ? doc.context : undefined;
    const format = doc.format as string | undefined;
    if (source.bytes !== undefined) return { type: 'document', format, data: canonBase64(source.bytes), context, citations };
    if (typeof source.text === 'string') return { type: 'document', format: format ?? 'txt', text: source.text, context, citations };
    if (Array.isArray(source.content)) return { type: 'document', content: source.content.map(converseBlock), context, citations };
    return { type: 'document', format, s3: source.s3Location, context, citations };
  }
  if (isObject(block.toolUse)) {
    return { type: 'tool_use', id: String(block.toolUse.toolUseId), name: String(block.toolUse.name), input: block.toolUse.input };
  }
  if (isObject(block.toolResult)) {
    const r = block.toolResult;
    const content = Array.isArray(r.content) ? r.content.map(converseBlock) : [];
    return { type: 'tool_result', toolUseId: String(r.toolUseId), content: dropEmptyText(content), isError: r.status === 'error' };
  }
  if ('json' in block) return { type: 'json', json: block.json };
  if (isObject(block.reasoningContent)) {
    const rc = block.reasoningContent;
    if (isObject(rc.reasoningText)) {
      return { type: 'thinking', thinking: String(rc.reasoningText.text), signature: rc.reasoningText.signature as string | undefined };
    }
    if (rc.redactedContent !== undefined) return { type: 'redacted_thinking', data: canonBase64(rc.redactedContent) ?? '' };
  }
  if (isObject(block.cachePoint)) return { type: 'cache_point', ttl: block.cachePoint.ttl as string | undefined };
  return { type: 'unknown', value: block };
}

function converseTool(tool: unknown): CanonTool {
  if (!isObject(tool)) return { kind: 'unknown', value: tool };
  if (isObject(tool.toolSpec)) {
    const spec = tool.toolSpec;
    return {
      kind: 'custom',
      name: String(spec.name),
      description: spec.description as string | undefined,
      inputSchema: isObject(spec.inputSchema) ? spec.inputSchema.json : spec.inputSchema,
      strict: spec.strict as boolean | undefined,
    };
  }
  if (isObject(tool.cachePoint)) return { kind: 'cache_point', ttl: tool.cachePoint.ttl as string | undefined };
  if (isObject(tool.systemTool)) return { kind: 'system', name: String(tool.systemTool.name) };
  return { kind: 'unknown', value: tool };
}

function converseToolChoice(choice: unknown): CanonToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (!isObject(choice)) return { type: `unknown:${JSON.stringify(choice)}` };
  if (choice.auto !== undefined) return { type: 'auto' };
  if (choice.any !== undefined) return { type: 'any' };
  if (isObject(choice.tool)) return { type: 'tool', name: choice.tool.name as string | undefined };
  return { type: `unknown:${JSON.stringify(choice)}` };
}

function converseOutputFormat(textFormat: unknown): unknown {
  if (!isObject(textFormat)) return textFormat;
  const structure = isObject(textFormat.structure) ? textFormat.structure : {};
  const jsonSchema = isObject(structure.jsonSchema) ? structure.jsonSchema : undefined;
  if (textFormat.type === 'json_schema' && jsonSchema && typeof jsonSchema.schema === 'string') {
    // §2a: Converse carries the schema as a serialized string.
    let schema: unknown = jsonSchema.schema;
    try {
      schema = JSON.parse(jsonSchema.schema);
    } catch {
      /* compare the raw string */
    }
    return { type: 'json_schema', schema };
  }
  return textFormat;
}

/** Normalises a Converse / ConverseStream request body (`modelId` comes from the URL). */
export function normalizeConverse(body: unknown, modelId: string, options: { stream?: boolean } = {}): CanonicalRequest {
  const stream = !!options.stream;
  if (!isObject(body)) return { stream, modelId, messages: [], extra: { body } };
  const {
    messages,
    system,
    inferenceConfig,
    toolConfig,
    additionalModelRequestFields,
    additionalModelResponseFieldPaths: _paths,
    guardrailConfig,
    performanceConfig,
    serviceTier,
    requestMetadata,
    outputConfig,
    modelId: _modelIdInBody,
    ...rest
  } = body;
  const inference = isObject(inferenceConfig) ? inferenceConfig : {};
  const { top_k, thinking, anthropic_beta, tools: extraTools, tool_choice, output_config, ...additionalRest } = isObject(
    additionalModelRequestFields,
  )
    ? additionalModelRequestFields
    : ({} as Json);
  const tc = isObject(toolConfig) ? toolConfig : undefined;
  let tools: CanonTool[] | undefined = Array.isArray(tc?.tools) ? tc.tools.map(converseTool) : undefined;
  if (Array.isArray(extraTools)) tools = [...(tools ?? []), ...extraTools.flatMap(anthropicTool)];
  // An Anthropic tool_choice passed through additionalModelRequestFields counts as the tool choice.
  const toolChoice = tool_choice !== undefined ? anthropicToolChoice(tool_choice) : converseToolChoice(tc?.toolChoice);
  const oc = isObject(outputConfig) ? outputConfig : {};
  const passedOutput = anthropicOutputConfig(output_config);
  const guard = isObject(guardrailConfig) ? guardrailConfig : undefined;
  const extra: Json = { ...additionalRest, ...passedOutput.rest };
  for (const [k, v] of Object.entries(rest)) extra[`converse.${k}`] = v;
  for (const [k, v] of Object.entries(oc)) if (k !== 'effort' && k !== 'textFormat') extra[`converse.outputConfig.${k}`] = v;
  if (guard?.streamProcessingMode !== undefined) extra['converse.guardrailConfig.streamProcessingMode'] = guard.streamProcessingMode;
  return finish({
    stream,
    modelId,
    system: Array.isArray(system) ? system.map(converseBlock) : system === undefined ? undefined : [{ type: 'unknown', value: system }],
    messages: Array.isArray(messages)
      ? messages.map((m) => ({
          role: String(isObject(m) ? m.role : m),
          content: isObject(m) && Array.isArray(m.content) ? m.content.map(converseBlock) : [{ type: 'unknown', value: m }],
        }))
      : [],
    maxTokens: inference.maxTokens as number | undefined,
    temperature: inference.temperature as number | undefined,
    topP: inference.topP as number | undefined,
    topK: top_k as number | undefined,
    stopSequences: inference.stopSequences as string[] | undefined,
    tools,
    toolChoice,
    thinking,
    anthropicBeta: anthropic_beta,
    effort: oc.effort ?? passedOutput.effort,
    outputFormat: oc.textFormat !== undefined ? converseOutputFormat(oc.textFormat) : passedOutput.outputFormat,
    guardrail: guard
      ? {
          identifier: guard.guardrailIdentifier as string | undefined,
          version: guard.guardrailVersion as string | undefined,
          trace: typeof guard.trace === 'string' ? guard.trace.toLowerCase() : undefined,
        }
      : undefined,
    performanceLatency: isObject(performanceConfig) ? (performanceConfig.latency as string | undefined) : undefined,
    serviceTier: isObject(serviceTier) ? (serviceTier.type as string | undefined) : undefined,
    requestMetadata,
    extra: Object.keys(extra).length ? extra : undefined,
  });
}

/**
 * Empty lists that mean "none": `stop_sequences: []` ≡ no stop sequences, `tools: []` ≡ no tools (Converse
 * cannot even carry an empty toolConfig.tools).
 */
function dropEmptyLists(request: CanonicalRequest): CanonicalRequest {
  const out = { ...request };
  if (out.stopSequences?.length === 0) delete out.stopSequences;
  if (out.tools?.length === 0) delete out.tools;
  return out;
}

/** Normalises a request recorded by the stub server, whichever operation it was. */
export function normalizeRecorded(request: RecordedRequest): CanonicalRequest {
  switch (request.operation) {
    case 'InvokeModel':
      return normalizeInvokeModel(request.body, request.modelId, { headers: request.headers });
    case 'InvokeModelWithResponseStream':
      return normalizeInvokeModel(request.body, request.modelId, { stream: true, headers: request.headers });
    case 'Converse':
      return normalizeConverse(request.body, request.modelId);
    case 'ConverseStream':
      return normalizeConverse(request.body, request.modelId, { stream: true });
    case 'Messages':
    case 'MessagesStream': {
      // The Messages API on Bedrock: the same Anthropic body, with the model and stream flag inside it.
      const { model: _model, stream: _stream, ...body } = isObject(request.body) ? request.body : {};
      return normalizeInvokeModel(body, request.modelId, { stream: request.operation === 'MessagesStream' });
    }
  }
}
