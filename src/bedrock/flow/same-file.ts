/**
 * Same-file helpers the data flow looks through, each recognised only in the one shape that makes following it
 * safe (same file, not exported, a single return of the value):
 * - `new InvokeModelCommand(buildInput(…))`: the input object a helper called only there returns;
 * - `withRetry(() => client.send(cmd))`: a wrapper that only calls its function argument and returns the result;
 * - `readBody(output)`: a helper whose one statement returns `JSON.parse` of its parameter's decoded body;
 * - `console.log(response)` / `logger.info(response)`: printing the response passes nothing on.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, declarationOf, functionBinding, referencePaths, staticString, unwrapExpression } from '../../ast/bedrock';

/**
 * `new InvokeModelCommand(buildInput(…))`: a same-file function called only here whose one `return`, its last
 * statement, gives an object literal. Returns the path of that literal.
 */
export function builtByHelper(ctx: CodemodContext, arg: AnyNode, at: ASTPath): AnyNode {
  if (arg.type !== 'CallExpression' || arg.callee.type !== 'Identifier') return undefined;
  const decl = declarationOf(arg.callee.name, at);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.async || fn.generator) return undefined;
  if (fn.body.type !== 'BlockStatement' || referencePaths(ctx.j, ctx.root, arg.callee.name, decl).length !== 1) return undefined;
  if (isExported(decl)) return undefined; // it may build inputs for calls in other modules too
  const last: AnyNode = fn.body.body[fn.body.body.length - 1];
  if (last?.type !== 'ReturnStatement' || unwrapExpression(last.argument)?.type !== 'ObjectExpression') return undefined;
  if (ctx.j(fn.body).find(ctx.j.ReturnStatement).size() !== 1) return undefined;
  return fnPath.get('body', 'body', fn.body.body.length - 1, 'argument');
}

/**
 * `withRetry(() => client.send(cmd))`: the arrow is the first argument of a same-file function whose first
 * parameter is only ever called and its result returned (`return await fn()`), so the wrapper's call resolves
 * to the response. Returns the wrapper call's path.
 */
export function retryWrapperCall(j: CodemodContext['j'], root: CodemodContext['root'], sendPath: AnyNode): AnyNode {
  const arrow: AnyNode = sendPath.parent;
  if (arrow.node.type !== 'ArrowFunctionExpression' || arrow.node.body !== sendPath.node || arrow.node.params.length !== 0) return undefined;
  const call: AnyNode = arrow.parent;
  if (call.node.type !== 'CallExpression' || call.node.arguments[0] !== arrow.node || call.node.callee.type !== 'Identifier') return undefined;
  const decl = declarationOf(call.node.callee.name, call);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.params[0]?.type !== 'Identifier') return undefined;
  const param: string = fn.params[0].name;
  let ok = true;
  let returned = 0;
  for (const r of referencePaths(j, root, param, fnPath.get('params', 0)) as AnyNode[]) {
    let q: AnyNode = r.parent;
    if (q.node.type !== 'CallExpression' || q.node.callee !== r.node || q.node.arguments.length !== 0) ok = false;
    else {
      if (q.parent.node.type === 'AwaitExpression') q = q.parent;
      if (q.parent.node.type === 'ReturnStatement') returned++;
      else ok = false;
    }
  }
  return ok && returned > 0 ? call : undefined;
}

/**
 * `readBody(output)`: a same-file helper whose only statement returns `JSON.parse` of its one parameter's
 * body, decoded as UTF-8 (TextDecoder or Buffer). The call is the parsed message; the helper goes once unused.
 */
export function decodeHelper(p: AnyNode): { name: string; declPath: AnyNode } | undefined {
  const call: AnyNode = p.parent.node;
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.arguments.length !== 1 || call.arguments[0] !== p.node) return undefined;
  const decl = declarationOf(call.callee.name, p);
  const fnPath: AnyNode = decl?.node.type === 'VariableDeclarator' ? decl.get('init') : decl;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(fn.type) || fn.async || fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return undefined;
  const binding = functionBinding(fnPath);
  if (!binding || isExported(binding.declPath)) return undefined; // other modules may decode InvokeModel bodies with it
  const stmts: AnyNode[] = fn.body.type === 'BlockStatement' ? fn.body.body : [{ type: 'ReturnStatement', argument: fn.body }];
  const ret: AnyNode = stmts.length === 1 && stmts[0].type === 'ReturnStatement' ? stmts[0].argument : undefined;
  const isCall = (n: AnyNode, obj: (o: AnyNode) => boolean, prop: string): boolean =>
    n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.name === prop && obj(n.callee.object);
  const utf8 = (args: AnyNode[]): boolean => args.length === 0 || (args.length === 1 && /^utf-?8$/i.test(staticString(args[0]) ?? ''));
  if (!isCall(ret, (o) => o.type === 'Identifier' && o.name === 'JSON', 'parse') || ret.arguments.length !== 1) return undefined;
  const text: AnyNode = ret.arguments[0];
  const param: string = fn.params[0].name;
  const isBody = (n: AnyNode): boolean => n?.type === 'MemberExpression' && !n.computed && n.object.type === 'Identifier' && n.object.name === param && n.property.name === 'body';
  const decoder = isCall(text, (o) => o.type === 'NewExpression' && o.callee.type === 'Identifier' && o.callee.name === 'TextDecoder' && utf8(o.arguments), 'decode');
  const buffer = isCall(text, (o) => isCall(o, (b) => b.type === 'Identifier' && b.name === 'Buffer', 'from') && o.arguments.length === 1 && isBody(o.arguments[0]), 'toString');
  if (decoder ? !(text.arguments.length === 1 && isBody(text.arguments[0])) : !(buffer && utf8(text.arguments))) return undefined;
  return binding;
}

/** `export function f…` / `export const f = …`: other modules may call it. */
export function isExported(declPath: AnyNode): boolean {
  const holder: AnyNode = declPath.node.type === 'VariableDeclarator' ? declPath.parent?.parent : declPath.parent;
  return /^Export(Named|Default)Declaration$/.test(holder?.node.type ?? '');
}

/** `console.log("…", response)`, `logger.info(response)`, `this.log.debug(…)`: printing it passes nothing on. */
export function isLogArgument(p: AnyNode): boolean {
  const call: AnyNode = p.parent.node;
  if (call.type !== 'CallExpression' || !call.arguments.includes(p.node)) return false;
  const callee: AnyNode = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || !/^(log|info|debug|warn|error|trace)$/.test(callee.property.name)) return false;
  const target: AnyNode = callee.object.type === 'MemberExpression' && !callee.object.computed ? callee.object.property : callee.object;
  return target.type === 'Identifier' && /^(console|logger|log)$/i.test(target.name);
}
