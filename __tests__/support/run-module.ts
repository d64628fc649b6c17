/**
 * Loads a fixture module (TS, TSX, JS, MJS, CJS) as CommonJS and calls one of its exports against the stub
 * Bedrock server, the way an application would run it: the module creates its clients as users do and the
 * environment points them at the stub.
 *
 * - TypeScript and ESM are compiled with `typescript.transpileModule` (module CommonJS, esModuleInterop);
 *   `require` is rooted at the fixture file (Module.createRequire), so `@aws-sdk/client-bedrock-runtime` and
 *   `@anthropic-ai/bedrock-sdk` resolve from the project's node_modules.
 * - During loading and the call: AWS_ENDPOINT_URL_BEDROCK_RUNTIME, AWS_ENDPOINT_URL and
 *   ANTHROPIC_BEDROCK_BASE_URL point at the stub; AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_REGION are
 *   fake; profile, session-token and bearer-token variables are removed. Everything is restored afterwards.
 * - The awaited return value is collected (async iterables and generators are drained into arrays) and
 *   turned into plain comparable data (`toComparable`), or the thrown error is recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import vm from 'node:vm';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import ts from 'typescript';

export interface ThrownError {
  name: string;
  message: string;
}

export interface RunOutcome {
  /** The export's awaited value, as comparable data (absent when it threw). */
  returned?: unknown;
  threw?: ThrownError;
  /** Items an async iterable yielded before it threw (only when draining one threw). */
  yieldedBeforeError?: unknown[];
  /** Calls to recorder arguments (`{"$fn": "<name>"}` in args), by name, each call's arguments. */
  calls: Record<string, unknown[][]>;
  /** What the handler sent on each `{"$res": true}` argument. */
  responses?: RecordedResponse[];
  /** console.log/info/debug lines and process.stdout writes, in order (compared). */
  stdout: string;
  /** console.warn/error lines (shown on failure, not compared: SDKs print their own warnings). */
  stderr: string;
}

export interface RunOptions {
  /** Stub base URL, e.g. http://127.0.0.1:1234 */
  endpoint: string;
  /** Fails the run after this many milliseconds (default 10 s). */
  timeoutMs?: number;
}

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** Compiles a fixture's source to CommonJS JavaScript. */
export function compileToCommonJs(source: string, filename: string): string {
  const ext = path.extname(filename);
  const isTs = TS_EXTENSIONS.has(ext);
  const jsx = ext === '.tsx' || ext === '.jsx';
  // transpileModule decides the emit format from the file name under node16/nodenext; a neutral name keeps
  // .mjs/.mts sources on CommonJS output.
  const virtualName = `fixture${isTs ? (jsx ? '.tsx' : '.ts') : jsx ? '.jsx' : '.js'}`;
  const out = ts.transpileModule(source, {
    fileName: virtualName,
    reportDiagnostics: false,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      allowJs: true,
      jsx: ts.JsxEmit.ReactJSX,
      sourceMap: false,
      inlineSourceMap: false,
    },
  });
  return out.outputText;
}

/**
 * Loads a fixture module and returns its exports. Must run inside `withStubEnvironment`. A relative import of
 * another module of the fixture (a multi-module case: `import { buildBody } from './prompt'`) is compiled and
 * loaded the same way, once per load (`loaded`), so a directory of TS/ESM modules runs as an application would.
 */
export function loadModule(file: string, loaded = new Map<string, { exports: Record<string, unknown> }>()): Record<string, unknown> {
  const filename = path.resolve(file);
  const known = loaded.get(filename);
  if (known) return known.exports;
  const code = compileToCommonJs(fs.readFileSync(filename, 'utf8'), filename);
  const fn = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
  const module = { exports: {} as Record<string, unknown> };
  loaded.set(filename, module);
  fn.call(module.exports, module.exports, fixtureRequire(filename, loaded), module, filename, path.dirname(filename));
  return module.exports;
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** A relative specifier → the fixture module it names (extension, `index`, `.js` written for a `.ts` file). */
function fixtureModule(from: string, id: string): string | undefined {
  if (!id.startsWith('./') && !id.startsWith('../')) return undefined;
  const base = path.resolve(path.dirname(from), id);
  const tries = [base, ...MODULE_EXTENSIONS.map((e) => base + e), ...MODULE_EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  if (/\.js$/.test(base)) tries.push(base.replace(/\.js$/, '.ts'));
  return tries.find((t) => fs.existsSync(t) && fs.statSync(t).isFile() && MODULE_EXTENSIONS.includes(path.extname(t)));
}

/**
 * React is not a dependency of this project. For `.tsx`/`.jsx` fixtures (Next.js pages, server actions next to
 * components) a tiny JSX runtime stands in when `react` cannot be resolved: elements become plain
 * `{ $jsx: <tag or component name>, props }` objects, enough to load the module and compare what it renders.
 */
const REACT_IDS = new Set(['react', 'react/jsx-runtime', 'react/jsx-dev-runtime']);
const jsxElement = (type: unknown, props: unknown): unknown => ({
  $jsx: typeof type === 'string' ? type : typeof type === 'function' ? type.name || 'Component' : String(type),
  props,
});
const REACT_STAND_IN: Record<string, unknown> = {
  jsx: jsxElement,
  jsxs: jsxElement,
  jsxDEV: jsxElement,
  Fragment: 'Fragment',
  createElement: (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) =>
    jsxElement(type, { ...(props ?? {}), ...(children.length ? { children: children.length === 1 ? children[0] : children } : {}) }),
};
REACT_STAND_IN.default = REACT_STAND_IN;

function fixtureRequire(filename: string, loaded: Map<string, { exports: Record<string, unknown> }>): NodeJS.Require {
  const base = createRequire(filename);
  const wrapped = ((id: string) => {
    const local = fixtureModule(filename, id);
    if (local) return loadModule(local, loaded);
    try {
      return base(id);
    } catch (err) {
      if (REACT_IDS.has(id) && (err as { code?: string }).code === 'MODULE_NOT_FOUND') return REACT_STAND_IN;
      throw err;
    }
  }) as NodeJS.Require;
  return Object.assign(wrapped, { resolve: base.resolve, cache: base.cache, main: base.main, extensions: base.extensions });
}

const REMOVED_ENV = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

/**
 * Runs `fn` with the environment pointing AWS clients at the stub (and the Lambda runtime's `awslambda`
 * global available); restores everything afterwards.
 */
export async function withStubEnvironment<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
  const saved = new Map<string, string | undefined>();
  const set = (key: string, value: string | undefined): void => {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  set('AWS_ENDPOINT_URL_BEDROCK_RUNTIME', endpoint);
  set('AWS_ENDPOINT_URL', endpoint);
  set('ANTHROPIC_BEDROCK_BASE_URL', endpoint);
  set('ANTHROPIC_BEDROCK_MANTLE_BASE_URL', `${endpoint}/anthropic`);
  set('AWS_ACCESS_KEY_ID', 'AKIDSTUBEXAMPLE');
  set('AWS_SECRET_ACCESS_KEY', 'stub/secret/EXAMPLEKEY');
  set('AWS_REGION', 'us-east-1');
  set('AWS_DEFAULT_REGION', 'us-east-1');
  set('AWS_EC2_METADATA_DISABLED', 'true');
  for (const key of REMOVED_ENV) set(key, undefined);
  const globals = globalThis as Record<string, unknown>;
  const addedLambdaGlobal = globals.awslambda === undefined;
  if (addedLambdaGlobal) globals.awslambda = LAMBDA_GLOBAL;
  // An Express app module calls app.listen(PORT) when loaded; binding a real port would collide between the
  // input and the output run. The server "listens" without binding (its callback still runs).
  const realListen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenWithoutBinding(this: net.Server, ...args: unknown[]) {
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return this;
  } as typeof realListen;
  try {
    return await fn();
  } finally {
    net.Server.prototype.listen = realListen;
    if (addedLambdaGlobal) delete globals.awslambda;
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function errorInfo(err: unknown): ThrownError {
  if (err instanceof Error) return { name: err.name, message: err.message };
  if (err && typeof err === 'object' && 'message' in err) {
    return { name: String((err as { name?: unknown }).name ?? 'Error'), message: String((err as { message: unknown }).message) };
  }
  return { name: 'NonError', message: typeof err === 'string' ? err : JSON.stringify(toComparable(err)) };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

function isSyncIterator(value: unknown): value is Iterable<unknown> {
  // Generators and iterator objects, not arrays, strings, Maps or Sets (toComparable handles those).
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as { next?: unknown }).next === 'function' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

/**
 * Turns a value into plain data that compares the same however it was produced: bytes become base64
 * strings, errors `{name, message}`, Dates ISO strings, Maps/Sets arrays, class instances their own
 * enumerable fields, functions a placeholder; `undefined` members disappear (as on the wire).
 */
export function toComparable(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : value;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'undefined') return undefined;
  if (typeof value === 'function') return `[Function${value.name ? ` ${value.name}` : ''}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { $error: value.name, message: value.message };
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  seen.add(obj);
  try {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toComparable(v, seen)));
    if (value instanceof Map) return [...value.entries()].map(([k, v]) => [toComparable(k, seen), toComparable(v, seen)]);
    if (value instanceof Set) return [...value].map((v) => toComparable(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const c = toComparable(v, seen);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

/** What a handler wrote to a `{"$res": true}` response object (Express / Node `ServerResponse` style). */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** `write()`/`end()`/`send()` chunks as text, in order. */
  chunks: string[];
  /** The value given to `json()`, when used. */
  json?: unknown;
  ended: boolean;
}

interface ArgContext {
  calls: Record<string, unknown[][]>;
  responses: RecordedResponse[];
  /** Resolves when every response object has ended. */
  ends: Array<Promise<void>>;
}

function chunkText(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk).toString('utf8');
  return JSON.stringify(toComparable(chunk));
}

const RESPONSE_RECORDS = new WeakMap<object, RecordedResponse>();

/**
 * A response that records what a handler sends: a real `Writable` (so `stream.pipe(res)` works, as in
 * Express SSE bridges and Lambda response streaming) with the Express and node:http methods people use.
 */
function recordingResponse(ctx: ArgContext): Writable {
  const record: RecordedResponse = { status: 200, headers: {}, chunks: [], ended: false };
  ctx.responses.push(record);
  let finish!: () => void;
  ctx.ends.push(new Promise<void>((resolve) => (finish = resolve)));
  const res = new Writable({
    write(chunk: unknown, _encoding, callback) {
      record.chunks.push(chunkText(chunk));
      callback();
    },
  });
  RESPONSE_RECORDS.set(res, record);
  res.on('finish', () => {
    record.ended = true;
    finish();
  });
  res.on('close', () => finish());
  res.on('error', () => finish());
  const setHeader = (name: string, value: unknown): Writable => {
    record.headers[name.toLowerCase()] = String(value);
    return res;
  };
  const methods = {
    status(code: number) {
      record.status = code;
      return res;
    },
    sendStatus(code: number) {
      record.status = code;
      res.end(String(code));
      return res;
    },
    setHeader,
    header: setHeader,
    set(name: string | Record<string, unknown>, value?: unknown) {
      if (typeof name === 'object') for (const [k, v] of Object.entries(name)) setHeader(k, v);
      else setHeader(name, value);
      return res;
    },
    type(value: string) {
      return setHeader('content-type', value);
    },
    getHeader(name: string) {
      return record.headers[name.toLowerCase()];
    },
    writeHead(code: number, headers?: Record<string, unknown>) {
      record.status = code;
      for (const [k, v] of Object.entries(headers ?? {})) setHeader(k, v);
      return res;
    },
    flushHeaders() {},
    json(value: unknown) {
      record.json = toComparable(value);
      res.end();
      return res;
    },
    send(body: unknown) {
      if (body !== null && body !== undefined && typeof body === 'object' && !(body instanceof Uint8Array)) return methods.json(body);
      if (body === undefined || body === null) res.end();
      else res.end(typeof body === 'string' ? body : Buffer.from(body as Uint8Array));
      return res;
    },
  };
  Object.assign(res, methods);
  Object.defineProperty(res, 'statusCode', {
    get: () => record.status,
    set: (code: number) => void (record.status = code),
  });
  Object.defineProperty(res, 'headersSent', { get: () => record.chunks.length > 0 || record.ended });
  return res;
}

/**
 * The `awslambda` global of the Lambda Node.js runtime, for handlers that use response streaming:
 * `streamifyResponse(fn)` returns the handler as is, `HttpResponseStream.from(stream, metadata)` records the
 * status code and headers on a recording response.
 */
const LAMBDA_GLOBAL = {
  streamifyResponse: (handler: unknown) => handler,
  HttpResponseStream: {
    from(stream: object, metadata?: { statusCode?: number; headers?: Record<string, unknown> }) {
      const record = RESPONSE_RECORDS.get(stream);
      if (record && metadata) {
        if (metadata.statusCode !== undefined) record.status = metadata.statusCode;
        for (const [k, v] of Object.entries(metadata.headers ?? {})) record.headers[k.toLowerCase()] = String(v);
      }
      return stream;
    },
  },
};

/** A request object: the given fields (body, query, params, headers) plus the event methods handlers call. */
function recordingRequest(fields: Record<string, unknown>): unknown {
  const req: Record<string, unknown> = { headers: {}, query: {}, params: {}, method: 'POST', ...fields };
  req.on = () => req;
  req.once = () => req;
  req.off = () => req;
  req.get = (name: string) => (req.headers as Record<string, unknown>)[name.toLowerCase()];
  req.header = req.get;
  return req;
}

/**
 * Turns `.run.json` args into call arguments:
 * - `{"$fn": "<name>"}` → a function recording its calls (optionally `"returns": <value>`);
 * - `{"$bytes": "<base64>"}` → a Buffer;
 * - `{"$res": true}` → a response object recording status, headers, written chunks and json();
 *   the run waits until the handler ends it;
 * - `{"$req": {...}}` → a request object with those fields (`body`, `query`, `params`, `headers`).
 */
export function materializeArgs(args: unknown[], ctx: ArgContext): unknown[] {
  const convert = (arg: unknown): unknown => {
    if (Array.isArray(arg)) return arg.map(convert);
    if (arg && typeof arg === 'object') {
      const o = arg as Record<string, unknown>;
      const keys = Object.keys(o);
      if (typeof o.$fn === 'string' && keys.every((k) => k === '$fn' || k === 'returns')) {
        const name = o.$fn;
        const returns = o.returns;
        const calls: unknown[][] = (ctx.calls[name] = []);
        return (...callArgs: unknown[]) => {
          calls.push(callArgs.map((a) => toComparable(a)));
          return returns;
        };
      }
      if (typeof o.$bytes === 'string' && keys.length === 1) return Buffer.from(o.$bytes, 'base64');
      if (o.$res === true && keys.length === 1) return recordingResponse(ctx);
      if (o.$req && typeof o.$req === 'object' && keys.length === 1) return recordingRequest(convert(o.$req) as Record<string, unknown>);
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, convert(v)]));
    }
    return arg;
  };
  return args.map(convert);
}

/** A fetch `Response` (Next.js route handlers) → status, content type and its body chunks as text. */
async function readResponse(value: Response): Promise<unknown> {
  const chunks: string[] = [];
  if (value.body) {
    const decoder = new TextDecoder();
    for await (const chunk of value.body as unknown as AsyncIterable<Uint8Array>) chunks.push(decoder.decode(chunk, { stream: true }));
  }
  return { $response: value.status, contentType: value.headers.get('content-type'), chunks };
}

async function drain(value: unknown, outcome: RunOutcome): Promise<void> {
  if (typeof Response !== 'undefined' && value instanceof Response) {
    outcome.returned = await readResponse(value);
    return;
  }
  if (isAsyncIterable(value) || isSyncIterator(value)) {
    const items: unknown[] = [];
    try {
      if (isAsyncIterable(value)) for await (const item of value) items.push(toComparable(item));
      else for (const item of value) items.push(toComparable(item));
      outcome.returned = items;
    } catch (err) {
      outcome.threw = errorInfo(err);
      outcome.yieldedBeforeError = items;
    }
    return;
  }
  outcome.returned = toComparable(value);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const CONSOLE_OUT = ['log', 'info', 'debug'] as const;
const CONSOLE_ERR = ['warn', 'error'] as const;

/**
 * Captures what fixture code prints (AWS documentation examples print their results rather than return
 * them) and keeps it out of the test output. Restores console and stdout afterwards.
 */
async function capturingOutput<T>(outcome: RunOutcome, fn: () => Promise<T>): Promise<T> {
  const con = console as unknown as Record<string, (...a: unknown[]) => void>;
  const saved = new Map<string, (...a: unknown[]) => void>();
  for (const level of [...CONSOLE_OUT, ...CONSOLE_ERR]) saved.set(level, con[level]!);
  const savedWrite = process.stdout.write;
  const savedExitCode = process.exitCode;
  for (const level of CONSOLE_OUT) con[level] = (...a: unknown[]) => void (outcome.stdout += `${format(...a)}\n`);
  for (const level of CONSOLE_ERR) con[level] = (...a: unknown[]) => void (outcome.stderr += `${format(...a)}\n`);
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    outcome.stdout += chunkText(chunk);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    for (const [level, method] of saved) con[level] = method;
    process.stdout.write = savedWrite;
    // Scripts set process.exitCode on failure; that belongs to the script, not to the test run.
    if (process.exitCode !== savedExitCode) outcome.stderr += `(process.exitCode set to ${process.exitCode})\n`;
    process.exitCode = savedExitCode;
  }
}

export class FixtureLoadError extends Error {
  override name = 'FixtureLoadError';
}

/**
 * Loads `file`, calls `exportName(...args)` with the stub environment and collects the outcome.
 * A module that does not load or lacks the export throws FixtureLoadError (a broken fixture, not a result).
 */
export async function runModuleExport(file: string, exportName: string, args: unknown[], options: RunOptions): Promise<RunOutcome> {
  const outcome: RunOutcome = { calls: {}, stdout: '', stderr: '' };
  const timeoutMs = options.timeoutMs ?? 10_000;
  await withStubEnvironment(options.endpoint, () => capturingOutput(outcome, async () => {
    let exports: Record<string, unknown>;
    try {
      exports = loadModule(file);
    } catch (err) {
      throw new FixtureLoadError(`${path.basename(file)} failed to load: ${errorInfo(err).name}: ${errorInfo(err).message}`);
    }
    const target = exportName === 'default' ? (exports.default ?? exports) : exports[exportName];
    if (typeof target !== 'function') {
      throw new FixtureLoadError(`${path.basename(file)} has no exported function "${exportName}" (exports: ${Object.keys(exports).join(', ') || 'none'})`);
    }
    const ctx: ArgContext = { calls: outcome.calls, responses: [], ends: [] };
    const callArgs = materializeArgs(args, ctx);
    try {
      const value = await withTimeout(
        Promise.resolve().then(() => (target as (...a: unknown[]) => unknown)(...callArgs)),
        timeoutMs,
        `${path.basename(file)} ${exportName}()`,
      );
      await withTimeout(drain(value, outcome), timeoutMs, `draining ${path.basename(file)} ${exportName}()`);
      if (ctx.ends.length) await withTimeout(Promise.all(ctx.ends), timeoutMs, `${path.basename(file)} ${exportName}() ending its response`);
    } catch (err) {
      outcome.threw = errorInfo(err);
    }
    if (ctx.responses.length) outcome.responses = ctx.responses.map((r) => ({ ...r, headers: { ...r.headers }, chunks: [...r.chunks] }));
  }));
  return outcome;
}
