/**
 * Finding, in the jscodeshift tree, the function a module fact names, and what it returns.
 *
 * API (stable): `findExportedFunction(ctx, fact)`, `ownReturns(ctx, fnPath)`.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../../engine/types';
import type { AnyNode } from '../../../ast/bedrock';
import type { CrossRole, FunctionFact } from './facts';
import { exportedFact, moduleFacts } from './facts';

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;

/**
 * The top-level function the fact names: `function name() {}`, `const name = () => …` / `function` (ESM or
 * CJS), or `exports.name = function () {}` / `module.exports.name = …`.
 */
export function findExportedFunction(ctx: CodemodContext, fact: FunctionFact): ASTPath | undefined {
  const { j, root } = ctx;
  const program: AnyNode = root.get().node.program ?? root.get().node;
  let found: ASTPath | undefined;
  const local = fact.localName;
  if (local) {
    root.find(j.FunctionDeclaration).forEach((p: AnyNode) => {
      if (p.node.id?.name === local && isTopLevel(p, program)) found ??= p;
    });
    root.find(j.VariableDeclarator).forEach((p: AnyNode) => {
      if (p.node.id.type === 'Identifier' && p.node.id.name === local && FUNCTION.test(p.node.init?.type ?? '') && isTopLevel(p, program)) {
        found ??= p.get('init');
      }
    });
    return found;
  }
  root.find(j.AssignmentExpression).forEach((p: AnyNode) => {
    const left = p.node.left;
    if (left.type !== 'MemberExpression' || left.computed || left.property.name !== fact.exportName) return;
    const o = left.object;
    const isExports =
      (o.type === 'Identifier' && o.name === 'exports') ||
      (o.type === 'MemberExpression' && o.object.name === 'module' && o.property.name === 'exports');
    if (isExports && FUNCTION.test(p.node.right.type)) found ??= p.get('right');
  });
  return found;
}

function isTopLevel(p: AnyNode, program: AnyNode): boolean {
  let cur = p.parent;
  while (cur) {
    if (cur.node === program) return true;
    if (FUNCTION.test(cur.node.type) || cur.node.type === 'ClassBody') return false;
    cur = cur.parent;
  }
  return false;
}

/** The values the function returns (its own returns, not nested functions'), each with a way to replace it. */
export function ownReturns(ctx: CodemodContext, fnPath: ASTPath): Array<{ path: ASTPath; replace(node: AnyNode): void }> {
  const fn: AnyNode = fnPath.node;
  if (fn.body.type !== 'BlockStatement') {
    return [{ path: (fnPath as AnyNode).get('body'), replace: (node) => (fn.body = node) }];
  }
  const out: Array<{ path: ASTPath; replace(node: AnyNode): void }> = [];
  ctx.j(fnPath)
    .find(ctx.j.ReturnStatement)
    .forEach((r: AnyNode) => {
      let cur = r.parent;
      while (cur && cur.node !== fn && !FUNCTION.test(cur.node.type)) cur = cur.parent;
      if (cur?.node !== fn) return;
      if (!r.node.argument) out.push({ path: r, replace: () => undefined });
      else out.push({ path: r.get('argument'), replace: (node) => (r.node.argument = node) });
    });
  return out;
}

/** True when `name`, seen from `at`, is declared at the top of the module (an import), not in a nested scope. */
export function isModuleBinding(at: ASTPath, name: string): boolean {
  const scope = (at as AnyNode).scope?.lookup(name);
  return scope !== undefined && scope !== null && scope.isGlobal === true;
}

/**
 * The functions this module exports with role `role` and verdict `follow` that can be rewritten where they
 * are: plain (not async, not a generator) with one return of their own.
 */
export function* followedExports(
  ctx: CodemodContext,
  role: CrossRole,
): Generator<{ fact: FunctionFact; fn: ASTPath; ret: { path: ASTPath; replace(node: AnyNode): void } }> {
  for (const name of Object.keys(moduleFacts(ctx)?.exported ?? {})) {
    const fact = exportedFact(ctx, name, role);
    if (!fact) continue;
    const fn = findExportedFunction(ctx, fact);
    if (!fn) continue;
    const node: AnyNode = fn.node;
    if (node.async || node.generator) continue;
    const returns = ownReturns(ctx, fn);
    if (returns.length === 1) yield { fact, fn, ret: returns[0]! };
  }
}
