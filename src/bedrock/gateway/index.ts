/**
 * Gateway dispatch at run time: where ONE InvokeModel-family send serves Claude and other model families (the
 * family verdict 'mixed'), the send is routed through a helper written once into the file. At run time the
 * helper sends Claude requests whose body maps field by field through Converse (or ConverseStream) and returns
 * the InvokeModel-shaped output the code after the send reads; every other request is sent exactly as before.
 * The InvokeModel command stays in the code as that fallback path, so the call site is "converted at a
 * boundary", and the report says so (note kind 'boundary').
 *
 *   client.send(command, options)              → sendClaudeViaConverse(client, command, options)
 *   client.send(streamCommand, options)        → sendClaudeViaConverseStream(client, streamCommand, options)
 *   client.invokeModel(input, options)         → invokeClaudeViaConverse(client, input, options)
 *   client.invokeModelWithResponseStream(...)  → invokeClaudeStreamViaConverse(client, input, options)
 *
 * API (stable): `convertGateway(ctx, bindings, site)` → `{ done: 'converted' | 'already' } | { reason }`.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, type RuntimeBindings, ensureRuntimeExport, referencePaths } from '../../ast/bedrock';
import { ensureBoundaryHelper, INVOKE_TYPE_NAMES, lazyTypeNames } from '../boundary/insert';
import { CATALOG } from '../../models/catalog';
import { type GatewayTypes, gatewayRequestDependencies, gatewayRequestSource, GATEWAY_REQUEST_HELPERS } from './request-source';
import { type GatewayRefs, gatewayResponseDependencies, gatewayResponseSource } from './response-source';

export interface GatewaySite {
  /** The InvokeModel-family command construction, or the aggregated call. */
  path: ASTPath;
  kind: 'command' | 'aggregated';
  stream: boolean;
}

export type GatewayResult = { done: 'converted' | 'already' } | { reason: string };

const ENTRY = {
  command: { invoke: 'sendClaudeViaConverse', stream: 'sendClaudeViaConverseStream' },
  aggregated: { invoke: 'invokeClaudeViaConverse', stream: 'invokeClaudeStreamViaConverse' },
} as const;
const ENTRY_NAMES = new Set<string>(Object.values(ENTRY).flatMap((e) => Object.values(e)));

/** Claude models whose InvokeModel support the catalog documents but whose Converse support it does not. */
const INVOKE_ONLY = CATALOG.filter((m) => m.runtime.invoke === 'yes' && m.runtime.converse !== 'yes').map((m) => m.id);

const TYPE_NAMES: Array<keyof GatewayTypes> = [
  ...INVOKE_TYPE_NAMES,
  'ConverseCommandInput',
  'ConverseCommandOutput',
  'ConverseStreamOutput',
  'ResponseStream',
];

function skipWrappers(p: AnyNode): AnyNode {
  let cur = p;
  while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(cur.parent?.node.type)) cur = cur.parent;
  return cur;
}

const isFunctionNode = (n: AnyNode): boolean => n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression';

/** `x.send(arg[, options])` with `arg` first: the send of a command. */
function isSendOf(call: AnyNode, arg: AnyNode): boolean {
  return (
    call?.type === 'CallExpression' &&
    call.arguments[0] === arg &&
    call.arguments.length <= 2 &&
    call.callee.type === 'MemberExpression' &&
    !call.callee.computed &&
    call.callee.property.type === 'Identifier' &&
    call.callee.property.name === 'send'
  );
}

/** `sendClaudeViaConverse(client, arg, …)`: a send an earlier run already routed. */
function isRoutedSendOf(call: AnyNode, arg: AnyNode): boolean {
  return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && ENTRY_NAMES.has(call.callee.name) && call.arguments[1] === arg;
}

/** The one `client.send(command[, options])` call of a command construction. */
function findSend(ctx: CodemodContext, site: GatewaySite): { send: AnyNode } | { done: 'already' } | { reason: string } {
  const at = skipWrappers(site.path);
  const parent: AnyNode = at.parent?.node;
  if (isRoutedSendOf(parent, at.node)) return { done: 'already' };
  if (isSendOf(parent, at.node)) return { send: at.parent };
  if (parent?.type !== 'VariableDeclarator' || parent.init !== at.node || parent.id.type !== 'Identifier') {
    return { reason: 'the command is not sent with client.send() where it is created' };
  }
  const refs: AnyNode[] = referencePaths(ctx.j, ctx.root, parent.id.name, at.parent);
  const sends: AnyNode[] = [];
  for (const ref of refs) {
    const up = skipWrappers(ref);
    const use: AnyNode = up.parent?.node;
    if (isRoutedSendOf(use, up.node)) return { done: 'already' };
    if (isSendOf(use, up.node)) sends.push(up.parent);
    // Reading or setting the command's input (`command.input.modelId = …`) is the same for either API.
    else if (!(use?.type === 'MemberExpression' && use.object === up.node)) {
      return { reason: `the command "${parent.id.name}" is used in a way that cannot be followed` };
    }
  }
  if (sends.length !== 1) return { reason: `the command "${parent.id.name}" is not sent exactly once` };
  return { send: sends[0] };
}

/** Routes a gateway's shared send through the run-time dispatch helper. Nothing changes unless it returns 'converted'. */
export function convertGateway(ctx: CodemodContext, bindings: RuntimeBindings, site: GatewaySite): GatewayResult {
  const { j, root } = ctx;
  let call: AnyNode;
  if (site.kind === 'command') {
    const found = findSend(ctx, site);
    if (!('send' in found)) return found;
    call = found.send;
  } else {
    call = site.path;
  }
  const node: AnyNode = call.node;
  if (node.arguments.length > 2 || node.arguments.some((a: AnyNode) => a.type === 'SpreadElement' || isFunctionNode(a))) {
    return { reason: 'the call takes a callback or more arguments than the input and its options' };
  }
  if (node.callee.type !== 'MemberExpression' || node.callee.object.type === 'Super') return { reason: 'the call is not made on a client object' };

  const ts = /\.[cm]?tsx?$/i.test(ctx.file.path);
  const near = site.stream ? 'InvokeModelWithResponseStreamCommand' : 'InvokeModelCommand';
  let types: GatewayTypes | undefined;
  if (ts) {
    if (bindings.imports.length === 0) return { reason: 'there is no import of @aws-sdk/client-bedrock-runtime the helper types can be added to' };
    types = lazyTypeNames(TYPE_NAMES, (name) => {
      const ref = ensureRuntimeExport(j, root, bindings, name, { type: true, near });
      return ref ? j(ref).toSource() : name;
    });
  }
  let refs: GatewayRefs = { ConverseCommand: 'ConverseCommand', ConverseStreamCommand: 'ConverseStreamCommand' };
  if (site.kind === 'command') {
    const command = site.stream ? 'ConverseStreamCommand' : 'ConverseCommand';
    const ref = ensureRuntimeExport(j, root, bindings, command, { near });
    if (!ref) return { reason: `there is no import of @aws-sdk/client-bedrock-runtime that ${command} can be added to` };
    refs = { ...refs, [command]: j(ref).toSource() };
  }

  const entry = ENTRY[site.kind][site.stream ? 'stream' : 'invoke'];
  const source = (name: string): string =>
    GATEWAY_REQUEST_HELPERS.includes(name) ? gatewayRequestSource(name, types, INVOKE_ONLY) : gatewayResponseSource(name, types, refs);
  const dependencies = (name: string): string[] =>
    GATEWAY_REQUEST_HELPERS.includes(name) ? gatewayRequestDependencies(name) : gatewayResponseDependencies(name);
  ensureBoundaryHelper(ctx, entry, source, dependencies);

  // client.send(command, options) → entry(client, command, options): the client expression is evaluated once, as before.
  node.arguments = [node.callee.object, ...node.arguments];
  node.callee = j.identifier(entry);
  const api = site.stream ? 'ConverseStream' : 'Converse';
  const old = site.stream ? 'InvokeModelWithResponseStream' : 'InvokeModel';
  ctx.note(
    `gateway: Claude models go through ${api} at run time (${entry}); other model families, and Claude bodies ${api} ` +
      `cannot carry field by field, stay on ${old}. The answer keeps the ${old} shape; ${api} gives no message id or model name` +
      (site.stream ? ', and the input tokens only at the end (message_delta, invocation metrics)' : ''),
    site.path,
    'boundary',
  );
  return { done: 'converted' };
}
