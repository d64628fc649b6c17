/**
 * Bedrock call sites: where a command is made or an aggregated-client method is called, the input object it is
 * given, and the call whose result is the response. One finder for the codemods that rewrite a call:
 *
 *   findCallSites(j, root, bindings, { command: 'InvokeModelCommand', method: 'invokeModel' })
 *     → `new InvokeModelCommand(input)` in every import style, `client.invokeModel(input)` on an aggregated
 *       client, and `x.invokeModel({ modelId, body })` on a client made in another module (known by its input);
 *   inputObjectPath(ctx, site) → the input ObjectExpression: inline, or in a variable (`const` or `let`) that
 *       nothing else refers to (one reference: the argument, so it is never reassigned either);
 *   sendCallPath(ctx, site)    → `client.send(command)` where the command is made or through a variable used once;
 *       the aggregated call itself.
 * These functions only read the tree.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { CodemodContext } from '../engine/types';
import {
  type AnyNode,
  type RuntimeBindings,
  declarationOf,
  findAggregatedCalls,
  findCommandConstructions,
  findInvokeModelCallsByShape,
  referencePaths,
  unwrapExpression,
} from '../ast/bedrock';
import { unwrapPath } from './flow/values';
import { builtByHelper } from './flow/same-file';
import { INPUT_UNRESOLVED } from './flow/modules/crossing';
import type { Mapped } from './result';

export interface Site {
  kind: 'command' | 'aggregated';
  /** The NewExpression or the aggregated CallExpression. */
  path: ASTPath;
}

/** The command class and the aggregated-client method of one Bedrock operation. */
export interface Operation {
  command: string;
  method: string;
}

export const INVOKE_MODEL: Operation = { command: 'InvokeModelCommand', method: 'invokeModel' };

/** Every call site of the operation in the file: command constructions first, then aggregated calls. */
export function findCallSites(j: JSCodeshift, root: Collection, bindings: RuntimeBindings, op: Operation): Site[] {
  const aggregated = findAggregatedCalls(j, root, bindings, op.method);
  return [
    ...findCommandConstructions(j, root, bindings, op.command).map((path) => ({ kind: 'command' as const, path })),
    ...aggregated.map((path) => ({ kind: 'aggregated' as const, path })),
    // A client made in another module: `client.invokeModel({ modelId, body })` is recognised by its input.
    ...findInvokeModelCallsByShape(j, root, op.method, aggregated).map((path) => ({ kind: 'aggregated' as const, path })),
  ];
}

/** The ObjectExpression given to the command (inline or through a variable used once), and its declarator. */
export function inputObjectPath(ctx: CodemodContext, site: Site): Mapped<{ path: ASTPath; declarator?: ASTPath }> {
  const node: AnyNode = site.path.node;
  if (node.arguments.length < 1) return { reason: 'the command has no input' };
  const argPath: AnyNode = (site.path as AnyNode).get('arguments', 0);
  const arg = unwrapExpression(node.arguments[0]);
  if (arg.type === 'ObjectExpression') return { path: unwrapPath(argPath) };
  if (arg.type === 'Identifier') {
    const decl = declarationOf(arg.name, site.path);
    if (decl?.node.type === 'VariableDeclarator' && unwrapExpression(decl.node.init)?.type === 'ObjectExpression') {
      const refs = referencePaths(ctx.j, ctx.root, arg.name, decl);
      if (refs.length !== 1) return { reason: `the command input "${arg.name}" is used elsewhere too` };
      return { path: unwrapPath(decl.get('init')), declarator: decl };
    }
  }
  const built = builtByHelper(ctx, arg, site.path);
  if (built) return { path: unwrapPath(built) };
  return { reason: `${INPUT_UNRESOLVED} to an object literal` };
}

/** The `client.send(command)` / `client.invokeModel(...)` call whose result is the response. */
export function sendCallPath(ctx: CodemodContext, site: Site): Mapped<{ path: ASTPath }> {
  if (site.kind === 'aggregated') {
    if ((site.path.node as AnyNode).arguments.length > 1) return { reason: 'invokeModel() is called with options or a callback' };
    return { path: site.path };
  }
  let p: AnyNode = site.path;
  while (['ParenthesizedExpression', 'TSAsExpression'].includes(p.parent.node.type)) p = p.parent;
  const parent: AnyNode = p.parent.node;
  if (isSendCall(parent, p.node)) return { path: p.parent };
  if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
    const refs = referencePaths(ctx.j, ctx.root, parent.id.name, p.parent);
    if (refs.length === 1) {
      const r: AnyNode = refs[0];
      if (isSendCall(r.parent.node, r.node)) return { path: r.parent };
    }
    return { reason: `the command "${parent.id.name}" is used in a way that cannot be followed` };
  }
  return { reason: 'the command is not sent with client.send() where it is created' };
}

/** `client.send(arg)` or `client.send(arg, options)`. */
export function isSendCall(call: AnyNode, arg: AnyNode): boolean {
  return (
    call.type === 'CallExpression' &&
    call.arguments[0] === arg &&
    // A second argument is the per-call options (abortSignal, …): the same for Converse.
    call.arguments.length <= 2 &&
    call.callee.type === 'MemberExpression' &&
    !call.callee.computed &&
    call.callee.property.name === 'send'
  );
}
