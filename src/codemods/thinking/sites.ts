/**
 * The requests `--thinking` applies to, with the object that carries their parameters:
 *  - InvokeModel / InvokeModelWithResponseStream: the Anthropic body in `body: JSON.stringify({...})`;
 *  - Converse / ConverseStream: the command input (`inferenceConfig`, `additionalModelRequestFields`);
 *  - AnthropicBedrock `messages.create` / `messages.stream`: the params object.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import {
  declarationOf,
  findAggregatedCalls,
  findCommandConstructions,
  findRuntimeBindings,
  getPropertyValue,
  staticString,
  unwrapExpression,
  type AnyNode,
} from '../../ast/bedrock';

export type SiteKind = 'invoke' | 'converse' | 'anthropic';

export interface RequestSite {
  kind: SiteKind;
  stream: boolean;
  /** The call whose result is the response (`client.send(…)`, `client.converse(…)`, `x.messages.create(…)`). */
  call: ASTPath;
  /** The command input / params object literal (holds `modelId` or `model`). */
  input: AnyNode;
  /** The object literal that holds the Anthropic fields (the body for InvokeModel, the params otherwise). */
  params: AnyNode | undefined;
  /** The model ID text when it is written in this file, else undefined. */
  modelId: string | undefined;
}

const COMMANDS: Array<[string, SiteKind, boolean]> = [
  ['InvokeModelCommand', 'invoke', false],
  ['InvokeModelWithResponseStreamCommand', 'invoke', true],
  ['ConverseCommand', 'converse', false],
  ['ConverseStreamCommand', 'converse', true],
];
const METHODS: Array<[string, SiteKind, boolean]> = [
  ['invokeModel', 'invoke', false],
  ['invokeModelWithResponseStream', 'invoke', true],
  ['converse', 'converse', false],
  ['converseStream', 'converse', true],
];

/** An object literal, directly or through a `const` in scope. */
export function objectAt(node: AnyNode, at: ASTPath): AnyNode | undefined {
  const value = unwrapExpression(node);
  if (value?.type === 'ObjectExpression') return value;
  if (value?.type === 'Identifier') {
    const decl = declarationOf(value.name, at);
    if (decl?.node?.type === 'VariableDeclarator' && decl.parent?.node?.kind === 'const') {
      const init = unwrapExpression(decl.node.init);
      return init?.type === 'ObjectExpression' ? init : undefined;
    }
  }
  return undefined;
}

/** A string, or a `const` bound to one, in scope. */
function stringAt(node: AnyNode, at: ASTPath): string | undefined {
  const value = unwrapExpression(node);
  const text = staticString(value);
  if (text !== undefined) return text;
  if (value?.type === 'Identifier') {
    const decl = declarationOf(value.name, at);
    if (decl?.node?.type === 'VariableDeclarator' && decl.parent?.node?.kind === 'const') return staticString(unwrapExpression(decl.node.init));
  }
  return undefined;
}

/** The Anthropic body object of `body: JSON.stringify(<object>)`. */
function invokeBody(input: AnyNode, at: ASTPath): AnyNode | undefined {
  const body = unwrapExpression(getPropertyValue(input, 'body'));
  if (body?.type !== 'CallExpression') return undefined;
  const callee = body.callee;
  const stringify =
    callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'JSON' && callee.property.name === 'stringify';
  return stringify && body.arguments.length > 0 ? objectAt(body.arguments[0], at) : undefined;
}

/** The call expression path that sends a command built at `newPath`: `client.send(new X(...))`. */
function sendCallOf(newPath: ASTPath): ASTPath | undefined {
  let p: AnyNode = newPath;
  while (p.parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(p.parent.node.type)) p = p.parent;
  const call = p.parent;
  return call?.node.type === 'CallExpression' && call.node.arguments[0] === p.node ? call : undefined;
}

function site(kind: SiteKind, stream: boolean, call: ASTPath, inputNode: AnyNode): RequestSite | undefined {
  const input = objectAt(inputNode, call);
  if (!input) return undefined;
  const modelNode = getPropertyValue(input, kind === 'anthropic' ? 'model' : 'modelId');
  return {
    kind,
    stream,
    call,
    input,
    params: kind === 'invoke' ? invokeBody(input, call) : input,
    modelId: modelNode ? stringAt(modelNode, call) : undefined,
  };
}

/** AnthropicBedrock `x.messages.create({...})` / `x.messages.stream({...})` (also `x.beta.messages.*`). */
function anthropicCalls(ctx: CodemodContext): RequestSite[] {
  if (!ctx.file.source.includes('@anthropic-ai/bedrock-sdk')) return [];
  const out: RequestSite[] = [];
  ctx.root.find(ctx.j.CallExpression).forEach((p) => {
    const callee: AnyNode = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed) return;
    const method = callee.property.name;
    if (method !== 'create' && method !== 'stream') return;
    const holder = callee.object;
    if (holder.type !== 'MemberExpression' || holder.computed || holder.property.name !== 'messages') return;
    const arg = (p.node as AnyNode).arguments[0];
    if (!arg) return;
    const found = site('anthropic', method === 'stream', p as ASTPath, arg);
    if (!found || !getPropertyValue(found.input, 'messages')) return;
    const flag = unwrapExpression(getPropertyValue(found.input, 'stream'));
    if ((flag?.type === 'BooleanLiteral' || flag?.type === 'Literal') && flag.value === true) found.stream = true;
    out.push(found);
  });
  return out;
}

/** Every request site in the file, in document order. */
export function findRequestSites(ctx: CodemodContext): RequestSite[] {
  const { j, root } = ctx;
  const out: RequestSite[] = [];
  const bindings = findRuntimeBindings(j, root);
  for (const [name, kind, stream] of COMMANDS) {
    for (const newPath of findCommandConstructions(j, root, bindings, name)) {
      const call = sendCallOf(newPath);
      const arg = (newPath.node as AnyNode).arguments[0];
      const found = call && arg ? site(kind, stream, call, arg) : undefined;
      if (found) out.push(found);
    }
  }
  for (const [method, kind, stream] of METHODS) {
    for (const call of findAggregatedCalls(j, root, bindings, method)) {
      const arg = (call.node as AnyNode).arguments[0];
      const found = arg ? site(kind, stream, call, arg) : undefined;
      if (found) out.push(found);
    }
  }
  out.push(...anthropicCalls(ctx));
  return out.sort((a, b) => (a.call.node as AnyNode).start - (b.call.node as AnyNode).start);
}
