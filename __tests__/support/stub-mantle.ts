/**
 * The Messages API on Bedrock ("Claude in Amazon Bedrock", bedrock-mantle) in the stub server:
 *   POST /anthropic/v1/messages      JSON answer, or SSE when the body says `stream: true`
 * `AnthropicBedrockMantle` posts to `${baseURL}/v1/messages` with baseURL `…/anthropic` (BR-SDK
 * mantle-client.ts); fixture code reaches the stub through `ANTHROPIC_BEDROCK_MANTLE_BASE_URL`.
 *
 * The answers are the same turns the InvokeModel operations render (stub-bedrock.ts), so unmodified code and
 * code migrated to the Messages API see the same model answer. SSE framing is the Messages API's:
 * `event: <type>` and `data: <json>` lines per event, a blank line after each (what the SDK's SSE decoder reads).
 *
 * Rules the surface enforces here (shared/reference/bedrock-claude-api.md):
 *  - §7c: the `anthropic-beta` header is not supported;
 *  - §9: model IDs are mantle IDs (no profile prefix, no ARN, no `-v1:0` version);
 *  - §8: API version `2026-10-21` (sent by `@anthropic-ai/sdk` 1.x) rejects `temperature`, `top_p`, `top_k`;
 *  - the Messages API takes no `anthropic_version` in the body (it is a header there).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type http2 from 'node:http2';
import type { Turn } from './scenarios';
import { renderAnthropicStreamEvents, renderInvokeModelBody, type RecordedRequest } from './stub-bedrock';

export type MantleOperation = 'Messages' | 'MessagesStream';

type AnyRequest = IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = ServerResponse | http2.Http2ServerResponse;

export interface MantleContext {
  raw: Buffer;
  record(request: RecordedRequest): void;
  nextTurn(): { turn: Turn; index: number };
}

export const MANTLE_PATH = '/anthropic/v1/messages';

function header(req: AnyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value === undefined ? undefined : String(value);
}

function sendError(res: AnyResponse, status: number, type: string, message: string): void {
  const payload = Buffer.from(JSON.stringify({ type: 'error', error: { type, message } }));
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stub', 'content-length': String(payload.length) });
  res.end(payload);
}

/** A mantle model ID: `anthropic.claude-…` with no profile prefix, no ARN and no version suffix. */
export function isMantleModelId(model: unknown): boolean {
  return typeof model === 'string' && /^anthropic\.claude-[a-z0-9-]+$/.test(model) && !/-\d{8}-v\d/.test(model) && !/-v\d+$/.test(model);
}

/** Why the Messages API on Bedrock would refuse the request, or undefined. */
export function validateMantleRequest(body: unknown, headers: { version?: string; beta?: string }): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'invalid_request_error: body is not a JSON object';
  const b = body as Record<string, unknown>;
  if (headers.beta !== undefined) return 'invalid_request_error: the anthropic-beta header is not supported';
  if (!headers.version) return 'invalid_request_error: anthropic-version header is required';
  for (const key of ['model', 'max_tokens', 'messages']) if (!(key in b)) return `invalid_request_error: ${key}: Field required`;
  if (!isMantleModelId(b.model)) return `invalid_request_error: model ${JSON.stringify(b.model)} is not served here`;
  if ('anthropic_version' in b || 'anthropic_beta' in b) return 'invalid_request_error: anthropic_version/anthropic_beta: Extra inputs are not permitted';
  if (headers.version === '2026-10-21') {
    for (const key of ['temperature', 'top_p', 'top_k']) {
      if (key in b) return `invalid_request_error: ${key}: not supported in API version 2026-10-21`;
    }
  }
  return undefined;
}

function sse(events: unknown[]): Buffer {
  return Buffer.from(events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
}

/** Serves one request to the Messages endpoint. */
export function handleMantle(req: AnyRequest, res: AnyResponse, ctx: MantleContext): void {
  const rawBody = ctx.raw.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const b = (body ?? {}) as Record<string, unknown>;
  const stream = b.stream === true;
  const headers: Record<string, string> = {};
  for (const name of ['anthropic-version', 'anthropic-beta', 'content-type']) {
    const value = header(req, name);
    if (value !== undefined) headers[name] = value;
  }
  ctx.record({
    operation: stream ? 'MessagesStream' : 'Messages',
    modelId: typeof b.model === 'string' ? b.model : '',
    body,
    rawBody,
    headers,
    httpVersion: req.httpVersion,
  });
  const invalid = validateMantleRequest(body, { version: headers['anthropic-version'], beta: headers['anthropic-beta'] });
  if (invalid) {
    sendError(res, 400, 'invalid_request_error', invalid);
    return;
  }
  const { turn, index } = ctx.nextTurn();
  if (turn.error) {
    sendError(res, turn.error.status, 'api_error', turn.error.message);
    return;
  }
  if (!stream) {
    const payload = Buffer.from(JSON.stringify(renderInvokeModelBody(turn, body, index)));
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_stub', 'content-length': String(payload.length) });
    res.end(payload);
    return;
  }
  // The native Messages API stream: the same events, without Bedrock's invocation metrics on message_stop.
  const events = renderAnthropicStreamEvents(turn, body, index).map((e) => {
    const { 'amazon-bedrock-invocationMetrics': _metrics, ...rest } = e as Record<string, unknown>;
    return rest;
  });
  res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_stub', 'cache-control': 'no-cache' });
  res.end(sse(events));
}
