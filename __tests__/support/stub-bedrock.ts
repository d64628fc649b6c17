/**
 * A stub Amazon Bedrock Runtime endpoint for tests.
 *
 * Serves, on 127.0.0.1 and a random port, the four operations the codemods deal with:
 *   POST /model/{modelId}/invoke                         InvokeModel
 *   POST /model/{modelId}/invoke-with-response-stream    InvokeModelWithResponseStream
 *   POST /model/{modelId}/converse                       Converse
 *   POST /model/{modelId}/converse-stream                ConverseStream
 * It records every request and answers from the current scenario (see scenarios.ts), rendering the same
 * turn in each API's own shape, so unmodified code and migrated code see the same model answer.
 *
 * The AWS SDK client talks HTTP/2 (h2c, prior knowledge) to an `http://` endpoint; `@anthropic-ai/bedrock-sdk`
 * talks HTTP/1.1. `http2.createServer({ allowHTTP1: true })` only falls back to HTTP/1.1 through TLS ALPN, so a
 * small TCP front routes each plain connection by its first bytes to an HTTP/2 or an HTTP/1.1 server sharing
 * one handler. Event streams are framed with the SDK's own codec (`@smithy/eventstream-codec`), never by hand.
 *
 * Shapes follow shared/reference/bedrock-claude-api.md: §1c (Anthropic response body), §2d (Converse output),
 * §4a/§4b (stream events), §5 (refusal).
 */
import http from 'node:http';
import http2 from 'node:http2';
import net, { type Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { handleMantle, MANTLE_PATH, type MantleOperation } from './stub-mantle';
import { MODEL_ID_IN_ANSWERS, resolveScenario, type Scenario, type ScenarioSpec, type Turn, type TurnBlock } from './scenarios';
import { targetRuleViolation, withReasoning } from './target-rules';
import { nonClaudeFamily, renderFamilyInvokeBody, renderFamilyStreamChunks, validateFamilyRequest } from './stub-families';

export type Operation = 'InvokeModel' | 'InvokeModelWithResponseStream' | 'Converse' | 'ConverseStream' | MantleOperation;

export interface RecordedRequest {
  operation: Operation;
  /** Decoded model ID (ARNs contain '/', so the SDK percent-encodes it in the path). */
  modelId: string;
  /** The request body parsed as JSON (`undefined` when it was not JSON). */
  body: unknown;
  /** The raw body text. */
  rawBody: string;
  /** Request headers that carry meaning for Bedrock (`x-amzn-bedrock-*`, content-type, accept), lower-cased. */
  headers: Record<string, string>;
  /** Which HTTP version the client used ('2.0' for the AWS SDK, '1.1' for AnthropicBedrock). */
  httpVersion: string;
}

export interface StubBedrock {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Requests recorded since the last `setScenario`/`reset`, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly scenario: Scenario;
  /** Selects the scenario for the next requests; clears the recorded requests and the turn counter. */
  setScenario(spec: ScenarioSpec | Scenario): void;
  /** Clears recorded requests and restarts the current scenario at its first turn. */
  reset(): void;
  close(): Promise<void>;
}

const OPERATIONS: Record<string, Operation> = {
  invoke: 'InvokeModel',
  'invoke-with-response-stream': 'InvokeModelWithResponseStream',
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
};

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

// ---------------------------------------------------------------------------------------------------------
// Rendering one turn per API
// ---------------------------------------------------------------------------------------------------------

function anthropicUsage(turn: Turn): Record<string, number> {
  return {
    input_tokens: turn.usage.inputTokens,
    output_tokens: turn.usage.outputTokens,
    cache_creation_input_tokens: turn.usage.cacheWriteInputTokens ?? 0,
    cache_read_input_tokens: turn.usage.cacheReadInputTokens ?? 0,
  };
}

function converseUsage(turn: Turn): Record<string, number> {
  return {
    inputTokens: turn.usage.inputTokens,
    outputTokens: turn.usage.outputTokens,
    // [uncertain] whether Bedrock counts cache reads/writes into totalTokens; the stub uses input + output.
    totalTokens: turn.usage.inputTokens + turn.usage.outputTokens,
    cacheReadInputTokens: turn.usage.cacheReadInputTokens ?? 0,
    cacheWriteInputTokens: turn.usage.cacheWriteInputTokens ?? 0,
  };
}

function anthropicBlock(block: TurnBlock): Record<string, unknown> {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
  }
}

/** Converse content block as JSON on the wire (blobs are base64 strings). */
function converseBlock(block: TurnBlock): Record<string, unknown> {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'tool_use':
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input } };
    case 'thinking':
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    case 'redacted_thinking':
      return { reasoningContent: { redactedContent: block.data } };
  }
}

function converseStopReason(turn: Turn): string {
  return turn.converseStopReason ?? turn.stopReason;
}

function messageId(turnIndex: number): string {
  return `msg_bdrk_stub${String(turnIndex).padStart(4, '0')}`;
}

function invocationMetrics(turn: Turn): Record<string, number> {
  const metrics: Record<string, number> = {
    inputTokenCount: turn.usage.inputTokens,
    outputTokenCount: turn.usage.outputTokens,
    invocationLatency: turn.latencyMs ?? 321,
    firstByteLatency: 123,
  };
  if (turn.usage.cacheReadInputTokens !== undefined) metrics.cacheReadInputTokenCount = turn.usage.cacheReadInputTokens;
  if (turn.usage.cacheWriteInputTokens !== undefined) metrics.cacheWriteInputTokenCount = turn.usage.cacheWriteInputTokens;
  return metrics;
}

/** Is this an InvokeModel body in the legacy Text Completions format (`prompt`, `max_tokens_to_sample`)? */
export function isTextCompletionsBody(body: unknown): body is { prompt: string } {
  return !!body && typeof body === 'object' && typeof (body as { prompt?: unknown }).prompt === 'string';
}

function turnText(turn: Turn): string {
  return turn.content
    .filter((b): b is Extract<TurnBlock, { type: 'text' }> => b.type === 'text')
    .map((b) => b.text)
    .join('');
}

/**
 * Legacy Text Completions stop reasons: "stop_sequence" (the model ended its turn or hit a stop sequence)
 * and "max_tokens". [uncertain] The reference does not document the legacy response; `stop` is the sequence
 * that fired.
 */
function textCompletionStop(turn: Turn): { stop_reason: string; stop: string | null } {
  if (turn.stopReason === 'max_tokens') return { stop_reason: 'max_tokens', stop: null };
  if (turn.stopReason === 'stop_sequence') return { stop_reason: 'stop_sequence', stop: turn.stopSequence ?? null };
  return { stop_reason: 'stop_sequence', stop: '\n\nHuman:' };
}

export function renderInvokeModelBody(turn: Turn, requestBody: unknown, turnIndex = 0): unknown {
  if (isTextCompletionsBody(requestBody)) {
    return { type: 'completion', completion: turnText(turn), ...textCompletionStop(turn) };
  }
  return {
    id: messageId(turnIndex),
    type: 'message',
    role: 'assistant',
    model: MODEL_ID_IN_ANSWERS,
    content: turn.content.map(anthropicBlock),
    stop_reason: turn.stopReason,
    stop_sequence: turn.stopReason === 'stop_sequence' ? (turn.stopSequence ?? null) : null,
    ...(turn.stopDetails !== undefined ? { stop_details: turn.stopDetails } : {}),
    usage: anthropicUsage(turn),
  };
}

/**
 * `additionalModelResponseFieldPaths` (§2a: JSON Pointers, e.g. `["/stop_sequence"]`): the values are taken
 * from the model's native (Anthropic) response and returned nested under the same path in
 * `additionalModelResponseFields`. [uncertain] which native fields Bedrock exposes this way (§3b, §5); the
 * stub answers every pointer that resolves in its Anthropic rendering.
 */
export function additionalResponseFields(turn: Turn, requestBody: unknown): Record<string, unknown> | undefined {
  const paths = (requestBody as { additionalModelResponseFieldPaths?: unknown } | undefined)?.additionalModelResponseFieldPaths;
  if (!Array.isArray(paths) || paths.length === 0) return undefined;
  const native = renderInvokeModelBody(turn, {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const pointer of paths) {
    if (typeof pointer !== 'string' || !pointer.startsWith('/')) continue;
    const segments = pointer.slice(1).split('/').map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'));
    let value: unknown = native;
    for (const seg of segments) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
    if (value === undefined) continue;
    let target = out;
    segments.slice(0, -1).forEach((seg) => {
      if (!target[seg] || typeof target[seg] !== 'object') target[seg] = {};
      target = target[seg] as Record<string, unknown>;
    });
    target[segments[segments.length - 1]!] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

export function renderConverseOutput(turn: Turn, requestBody?: unknown): unknown {
  return {
    output: { message: { role: 'assistant', content: turn.content.map(converseBlock) } },
    stopReason: converseStopReason(turn),
    usage: converseUsage(turn),
    metrics: { latencyMs: turn.latencyMs ?? 321 },
    additionalModelResponseFields: additionalResponseFields(turn, requestBody),
  };
}

/** Splits text into a few deltas (every three words), the same way for every stream. */
export function splitForStream(text: string): string[] {
  if (text === '') return [''];
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += 3) pieces.push(words.slice(i, i + 3).join(''));
  return pieces;
}

/** Splits serialized tool input JSON in two partial pieces (as `input_json_delta` / `toolUse.input` do). */
export function splitJson(json: string): string[] {
  if (json.length < 4) return [json];
  const mid = Math.floor(json.length / 2);
  return [json.slice(0, mid), json.slice(mid)];
}

/** The Anthropic stream events (§4a) for one turn, each being the JSON carried in a `chunk.bytes`. */
export function renderAnthropicStreamEvents(turn: Turn, requestBody: unknown, turnIndex = 0): unknown[] {
  if (isTextCompletionsBody(requestBody)) {
    const pieces = splitForStream(turnText(turn));
    const stop = textCompletionStop(turn);
    return [
      ...pieces.map((completion) => ({ type: 'completion', completion, stop_reason: null, stop: null })),
      {
        type: 'completion',
        completion: '',
        ...stop,
        'amazon-bedrock-invocationMetrics': invocationMetrics(turn),
      },
    ];
  }
  const events: unknown[] = [];
  const usage = anthropicUsage(turn);
  events.push({
    type: 'message_start',
    message: {
      id: messageId(turnIndex),
      type: 'message',
      role: 'assistant',
      model: MODEL_ID_IN_ANSWERS,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: turn.usage.outputTokens > 0 ? 1 : 0 },
    },
  });
  turn.content.forEach((block, index) => {
    switch (block.type) {
      case 'text':
        events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
        for (const text of splitForStream(block.text)) {
          events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
        }
        break;
      case 'tool_use':
        events.push({
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        });
        for (const partial_json of splitJson(JSON.stringify(block.input))) {
          events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
        }
        break;
      case 'thinking':
        events.push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
        for (const thinking of splitForStream(block.thinking)) {
          events.push({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } });
        }
        events.push({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } });
        break;
      case 'redacted_thinking':
        events.push({ type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: block.data } });
        break;
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({
    type: 'message_delta',
    delta: {
      stop_reason: turn.stopReason,
      stop_sequence: turn.stopReason === 'stop_sequence' ? (turn.stopSequence ?? null) : null,
      ...(turn.stopDetails !== undefined ? { stop_details: turn.stopDetails } : {}),
    },
    usage: { output_tokens: turn.usage.outputTokens },
  });
  events.push({ type: 'message_stop', 'amazon-bedrock-invocationMetrics': invocationMetrics(turn) });
  return events;
}

/** The ConverseStream events (§4b) for one turn, as `[memberName, payload]`. */
export function renderConverseStreamEvents(turn: Turn, requestBody?: unknown): Array<[string, unknown]> {
  const events: Array<[string, unknown]> = [['messageStart', { role: 'assistant' }]];
  turn.content.forEach((block, contentBlockIndex) => {
    switch (block.type) {
      case 'text':
        for (const text of splitForStream(block.text)) {
          events.push(['contentBlockDelta', { contentBlockIndex, delta: { text } }]);
        }
        break;
      case 'tool_use':
        events.push(['contentBlockStart', { contentBlockIndex, start: { toolUse: { toolUseId: block.id, name: block.name } } }]);
        for (const input of splitJson(JSON.stringify(block.input))) {
          events.push(['contentBlockDelta', { contentBlockIndex, delta: { toolUse: { input } } }]);
        }
        break;
      case 'thinking':
        for (const text of splitForStream(block.thinking)) {
          events.push(['contentBlockDelta', { contentBlockIndex, delta: { reasoningContent: { text } } }]);
        }
        events.push(['contentBlockDelta', { contentBlockIndex, delta: { reasoningContent: { signature: block.signature } } }]);
        break;
      case 'redacted_thinking':
        events.push(['contentBlockDelta', { contentBlockIndex, delta: { reasoningContent: { redactedContent: block.data } } }]);
        break;
    }
    events.push(['contentBlockStop', { contentBlockIndex }]);
  });
  events.push(['messageStop', { stopReason: converseStopReason(turn), additionalModelResponseFields: additionalResponseFields(turn, requestBody) }]);
  events.push(['metadata', { usage: converseUsage(turn), metrics: { latencyMs: turn.latencyMs ?? 321 } }]);
  return events;
}

/** Frames one event-stream event message with the SDK's codec. */
export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** Frames a modeled exception event (`:message-type: exception`), as a service breaking a stream does. */
export function encodeException(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/**
 * Cuts a stream for `turn.streamError`: keeps the events up to and including the first delta of the first
 * content block, the same point on both streams.
 */
function cutAtFirstDelta<T>(events: T[], isDelta: (e: T) => boolean): T[] {
  const first = events.findIndex(isDelta);
  return first === -1 ? events.slice(0, 1) : events.slice(0, first + 1);
}

/** Frames an Anthropic stream event as an InvokeModelWithResponseStream `chunk` (payload `{"bytes": base64}`). */
export function encodeChunk(anthropicEvent: unknown): Uint8Array {
  return encodeEvent('chunk', { bytes: Buffer.from(JSON.stringify(anthropicEvent), 'utf8').toString('base64') });
}

// ---------------------------------------------------------------------------------------------------------
// Request validation (what Bedrock itself would reject)
// ---------------------------------------------------------------------------------------------------------

function hasToolBlocks(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some(
    (m) =>
      Array.isArray(m?.content) &&
      m.content.some((b: unknown) => !!b && typeof b === 'object' && ('toolUse' in b || 'toolResult' in b)),
  );
}

/** Returns an error message for requests Bedrock would refuse with a ValidationException, else undefined. */
export function validateRequest(operation: Operation, body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Malformed input request: body is not a JSON object';
  const b = body as Record<string, unknown>;
  if (operation === 'InvokeModel' || operation === 'InvokeModelWithResponseStream') {
    if (typeof b.prompt === 'string') {
      if (typeof b.max_tokens_to_sample !== 'number') return 'Malformed input request: #: required key [max_tokens_to_sample] not found';
      return undefined;
    }
    // §1b: anthropic_version, max_tokens and messages are required.
    for (const key of ['anthropic_version', 'max_tokens', 'messages']) {
      if (!(key in b)) return `Malformed input request: #: required key [${key}] not found`;
    }
    if (!Array.isArray(b.messages)) return 'Malformed input request: #/messages: expected type: JSONArray';
    if ('model' in b || 'stream' in b) return 'Malformed input request: extraneous key [model/stream] is not permitted';
    return undefined;
  }
  if (!Array.isArray(b.messages) || b.messages.length === 0) {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  // §2c: toolUse/toolResult blocks need toolConfig.
  if (hasToolBlocks(b.messages) && !b.toolConfig) {
    return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
  }
  // §2b: a document needs a name; image formats are gif, jpeg, png, webp. (Message wording is the stub's.)
  const blocks = (b.messages as Array<{ content?: unknown }>).flatMap((m) => (Array.isArray(m?.content) ? m.content : []));
  const nested = blocks.flatMap((block: { toolResult?: { content?: unknown } }) =>
    Array.isArray(block?.toolResult?.content) ? block.toolResult.content : [],
  );
  for (const block of [...blocks, ...nested] as Array<Record<string, any>>) {
    if (block?.document && typeof block.document.name !== 'string') return 'Malformed input request: a document block requires a name';
    if (block?.image && !['gif', 'jpeg', 'png', 'webp'].includes(block.image.format)) {
      return `Malformed input request: unsupported image format ${JSON.stringify(block.image.format)}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------------------

type AnyRequest = IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = ServerResponse | http2.Http2ServerResponse;

function readBody(req: AnyRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendError(res: AnyResponse, status: number, type: string, message: string): void {
  const payload = Buffer.from(JSON.stringify({ message }));
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': type,
    'x-amzn-requestid': 'stub-request-id',
    'content-length': String(payload.length),
  });
  res.end(payload);
}

function sendJson(res: AnyResponse, value: unknown, extraHeaders: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(value));
  res.writeHead(200, {
    'content-type': 'application/json',
    'x-amzn-requestid': 'stub-request-id',
    'content-length': String(payload.length),
    ...extraHeaders,
  });
  res.end(payload);
}

function sendEventStream(res: AnyResponse, frames: Uint8Array[], extraHeaders: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.amazon.eventstream',
    'x-amzn-requestid': 'stub-request-id',
    ...extraHeaders,
  });
  // One write per frame, as a server streams them.
  const writable = res as ServerResponse;
  for (const frame of frames) writable.write(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
  res.end();
}

function keptHeaders(req: AnyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (value === undefined) continue;
    if (lower.startsWith('x-amzn-bedrock-') || lower === 'content-type' || lower === 'accept') {
      out[lower] = Array.isArray(value) ? value.join(',') : String(value);
    }
  }
  return out;
}

export async function startStubBedrock(initial: ScenarioSpec = 'text'): Promise<StubBedrock> {
  let scenario = resolveScenario(initial);
  let turnCounter = 0;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();

  const nextTurn = (): { turn: Turn; index: number } => {
    const index = Math.min(turnCounter, scenario.turns.length - 1);
    turnCounter++;
    return { turn: scenario.turns[index]!, index };
  };

  const handle = async (req: AnyRequest, res: AnyResponse): Promise<void> => {
    const rawPath = (req.url ?? '').split('?')[0]!;
    const match = /^\/model\/(.+)\/(invoke|invoke-with-response-stream|converse|converse-stream)$/.exec(rawPath);
    const raw = await readBody(req);
    if (req.method === 'POST' && rawPath === MANTLE_PATH) return handleMantle(req, res, { raw, record: (r) => requests.push(r), nextTurn });
    if (req.method !== 'POST' || !match) {
      sendError(res, 404, 'UnknownOperationException', `No route for ${req.method} ${rawPath}`);
      return;
    }
    const operation = OPERATIONS[match[2]!]!;
    const modelId = decodeURIComponent(match[1]!);
    const rawBody = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
    requests.push({ operation, modelId, body, rawBody, headers: keptHeaders(req), httpVersion: req.httpVersion });

    const family = operation === 'InvokeModel' || operation === 'InvokeModelWithResponseStream' ? nonClaudeFamily(modelId) : undefined;
    if (family) {
      const invalidForFamily = validateFamilyRequest(family, body);
      if (invalidForFamily) return sendError(res, 400, 'ValidationException', invalidForFamily);
      const { turn } = nextTurn();
      if (turn.error) return sendError(res, turn.error.status, turn.error.type, turn.error.message);
      if (operation === 'InvokeModel') return sendJson(res, renderFamilyInvokeBody(family, turn));
      const frames = renderFamilyStreamChunks(family, turn).map(encodeChunk);
      return sendEventStream(res, frames, { 'x-amzn-bedrock-content-type': 'application/json' });
    }
    const invalid = validateRequest(operation, body) ?? targetRuleViolation(operation, modelId, body);
    if (invalid) {
      sendError(res, 400, 'ValidationException', invalid);
      return;
    }
    const next = nextTurn();
    const { index } = next;
    const turn = withReasoning(next.turn, operation, body);
    if (turn.error) {
      sendError(res, turn.error.status, turn.error.type, turn.error.message);
      return;
    }
    switch (operation) {
      case 'InvokeModel':
        sendJson(res, renderInvokeModelBody(turn, body, index));
        return;
      case 'Converse':
        sendJson(res, renderConverseOutput(turn, body));
        return;
      case 'InvokeModelWithResponseStream': {
        let events = renderAnthropicStreamEvents(turn, body, index);
        if (turn.streamError) events = cutAtFirstDelta(events, (e) => (e as { type?: string }).type === 'content_block_delta');
        const frames = events.map(encodeChunk);
        if (turn.streamError) frames.push(encodeException(turn.streamError.type, turn.streamError.message));
        sendEventStream(res, frames, { 'x-amzn-bedrock-content-type': 'application/json' });
        return;
      }
      case 'ConverseStream': {
        let events = renderConverseStreamEvents(turn, body);
        if (turn.streamError) events = cutAtFirstDelta(events, ([type]) => type === 'contentBlockDelta');
        const frames = events.map(([type, payload]) => encodeEvent(type, payload));
        if (turn.streamError) frames.push(encodeException(turn.streamError.type, turn.streamError.message));
        sendEventStream(res, frames);
        return;
      }
    }
  };

  const onRequest = (req: AnyRequest, res: AnyResponse): void => {
    handle(req, res).catch((err: unknown) => {
      try {
        sendError(res, 500, 'InternalServerException', String(err));
      } catch {
        /* the response may already be gone */
      }
    });
  };
  // `allowHTTP1` only negotiates HTTP/1.1 through TLS ALPN. On plain TCP (h2c) the front server below looks
  // at the first bytes of each connection: the HTTP/2 connection preface goes to the HTTP/2 server, anything
  // else to the HTTP/1.1 server (AnthropicBedrock's fetch).
  const h2 = http2.createServer(onRequest);
  const h1 = http.createServer(onRequest);
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      seen = Buffer.concat([seen, chunk]);
      if (seen.length < H2_PREFACE.length && H2_PREFACE.subarray(0, seen.length).equals(seen)) return;
      socket.removeListener('data', onData);
      socket.pause();
      socket.unshift(seen);
      if (seen.subarray(0, H2_PREFACE.length).equals(H2_PREFACE)) {
        // The HTTP/2 session reads what is already buffered on the socket itself.
        h2.emit('connection', socket);
      } else {
        // The HTTP/1.1 server parses buffered data through its 'data' listener once the socket flows again.
        h1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('stub Bedrock: no TCP address');
  const port = address.port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get scenario() {
      return scenario;
    },
    setScenario(spec) {
      scenario = typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'turns' in spec && 'name' in spec
        ? (spec as Scenario)
        : resolveScenario(spec as ScenarioSpec);
      turnCounter = 0;
      requests.length = 0;
    },
    reset() {
      turnCounter = 0;
      requests.length = 0;
    },
    close() {
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      h1.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
