/**
 * Which Claude APIs a file uses: the imports that make it a Bedrock/Anthropic file at all, and the calls
 * whose results carry a stop reason, classified by the shape of what they return.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findRuntimeBindings, getPropertyValue, refersToExport, type AnyNode, type RuntimeBindings } from '../../ast/bedrock';
import { isMember, memberName, unwrap, type Shape } from './shared';

const ANTHROPIC_MODULES = ['@anthropic-ai/bedrock-sdk', '@anthropic-ai/sdk'];

/**
 * - `invoke`: InvokeModel, the body is an Anthropic Messages JSON (`stop_reason`).
 * - `invoke-stream`: InvokeModelWithResponseStream, chunks are Anthropic stream events.
 * - `converse` / `converse-stream`: Converse (`stopReason`, `messageStop.stopReason`).
 * - `message`: AnthropicBedrock `messages.create` (or `stream.finalMessage()`), a Message (`stop_reason`).
 * - `message-stream`: `messages.create({ stream: true })` or `messages.stream(...)`, raw Anthropic stream events.
 */
export type CallKind = 'invoke' | 'invoke-stream' | 'converse' | 'converse-stream' | 'message' | 'message-stream';

export interface ClaudeCall {
  kind: CallKind;
  path: ASTPath;
  /** The request object, when it is a literal or a `const` bound to one. */
  input?: AnyNode;
}

export interface FileApis {
  runtime: RuntimeBindings;
  calls: ClaudeCall[];
  /** The shapes of stop reasons this file's calls return. */
  shapes: Set<Shape>;
}

const COMMANDS: Record<string, CallKind> = {
  InvokeModelCommand: 'invoke',
  InvokeModelWithResponseStreamCommand: 'invoke-stream',
  ConverseCommand: 'converse',
  ConverseStreamCommand: 'converse-stream',
};

const AGGREGATED: Record<string, CallKind> = {
  invokeModel: 'invoke',
  invokeModelWithResponseStream: 'invoke-stream',
  converse: 'converse',
  converseStream: 'converse-stream',
};

export function shapeOfKind(kind: CallKind): Shape {
  return kind === 'converse' || kind === 'converse-stream' ? 'converse' : 'anthropic';
}

/**
 * Finds the file's Claude APIs, or undefined when it imports neither @aws-sdk/client-bedrock-runtime nor
 * an Anthropic SDK (then nothing is inserted: stop-reason-looking code there is not ours to change).
 */
export function findFileApis(j: JSCodeshift, root: Collection, source: string): FileApis | undefined {
  const hasRuntimeText = source.includes('@aws-sdk/client-bedrock-runtime');
  const hasAnthropicText = ANTHROPIC_MODULES.some((m) => source.includes(m));
  if (!hasRuntimeText && !hasAnthropicText) return undefined;
  const runtime = findRuntimeBindings(j, root);
  const anthropic = hasAnthropicText && ANTHROPIC_MODULES.some((m) => findRuntimeBindings(j, root, m).imports.length > 0);
  if (runtime.imports.length === 0 && !anthropic) return undefined;

  const declarators = new Map<string, AnyNode>();
  root.find(j.VariableDeclarator).forEach((p) => {
    const d: AnyNode = p.node;
    if (d.id.type === 'Identifier' && d.init && !declarators.has(d.id.name)) declarators.set(d.id.name, d.init);
  });
  const resolve = (n: AnyNode): AnyNode => {
    const u = unwrap(n);
    return u?.type === 'Identifier' && declarators.has(u.name) ? unwrap(declarators.get(u.name)) : u;
  };

  const calls: ClaudeCall[] = [];
  root.find(j.CallExpression).forEach((p) => {
    const call = classifyCall(p.node, runtime, runtime.imports.length > 0, anthropic, resolve);
    if (call) calls.push({ ...call, path: p as ASTPath });
  });
  const shapes = new Set<Shape>(calls.map((c) => shapeOfKind(c.kind)));
  return { runtime, calls, shapes };
}

function classifyCall(
  call: AnyNode,
  runtime: RuntimeBindings,
  hasRuntime: boolean,
  hasAnthropic: boolean,
  resolve: (n: AnyNode) => AnyNode,
): Omit<ClaudeCall, 'path'> | undefined {
  const callee = call.callee;
  if (!isMember(callee)) return undefined;
  const method = memberName(callee);
  if (hasRuntime && method === 'send' && call.arguments.length >= 1) {
    const command = resolve(call.arguments[0]);
    if (command?.type !== 'NewExpression') return undefined;
    for (const [name, kind] of Object.entries(COMMANDS)) {
      const ctor = command.callee;
      if (refersToExport(runtime, ctor, name) || (ctor.type === 'Identifier' && ctor.name === name)) {
        return { kind, input: objectOf(command.arguments[0], resolve) };
      }
    }
    return undefined;
  }
  if (hasRuntime && method && Object.hasOwn(AGGREGATED, method)) {
    return { kind: AGGREGATED[method], input: objectOf(call.arguments[0], resolve) };
  }
  if (hasAnthropic && method === 'create' && memberName(callee.object) === 'messages') {
    const input = objectOf(call.arguments[0], resolve);
    const stream = input && unwrap(getPropertyValue(input, 'stream'));
    const streaming = stream?.type === 'BooleanLiteral' ? stream.value : stream?.type === 'Literal' ? stream.value === true : false;
    return { kind: streaming ? 'message-stream' : 'message', input };
  }
  // `messages.stream(...)`: a MessageStream, iterated as raw events (its `finalMessage()` is a Message).
  if (hasAnthropic && method === 'stream' && memberName(callee.object) === 'messages') {
    return { kind: 'message-stream', input: objectOf(call.arguments[0], resolve) };
  }
  if (hasAnthropic && method === 'finalMessage') return { kind: 'message' };
  return undefined;
}

function objectOf(arg: AnyNode, resolve: (n: AnyNode) => AnyNode): AnyNode | undefined {
  const n = resolve(arg);
  return n?.type === 'ObjectExpression' ? n : undefined;
}

/** The model expression of a call's request (`modelId` for Bedrock, `model` for the Anthropic SDK). */
export function modelOf(call: ClaudeCall): AnyNode | undefined {
  if (!call.input) return undefined;
  const key = call.kind === 'message' || call.kind === 'message-stream' ? 'model' : 'modelId';
  return getPropertyValue(call.input, key);
}
