/**
 * Scope questions the request mappings ask: which declaration binds a name where it is used, how often it is
 * referenced, whether it is reassigned, a straight-line `payload.x = v` after it, a same-file function and its
 * returns.
 */
import { declarationOf, identifierPaths, referencePaths, staticString, type AnyNode } from '../../ast/bedrock';
import type { ASTPath } from 'jscodeshift';
import { type RequestBuilder } from './state';

/** The path of an identifier node (the node as it sits in the tree). */
export function pathOf(b: RequestBuilder, node: AnyNode): ASTPath | undefined {
  let found: ASTPath | undefined;
  for (const p of identifierPaths(b.j, b.ctx.root, node.name)) if (p.node === node) found = p;
  return found;
}

/** The returned expressions of a function (not of nested functions); the body of an expression arrow. */
export function returnsOf(b: RequestBuilder, fnNode: AnyNode, fnPath: ASTPath): AnyNode[] {
  const j = b.j;
  if (fnNode.body.type !== 'BlockStatement') return [fnNode.body];
  const out: AnyNode[] = [];
  j(fnPath)
    .find(j.ReturnStatement)
    .forEach((r) => {
      let cur: AnyNode = r.parent;
      while (cur && cur.node !== fnNode && !/Function/.test(cur.node.type)) cur = cur.parent;
      if (cur && cur.node === fnNode) out.push((r.node as AnyNode).argument);
    });
  return out;
}

/** The declarator path or parameter identifier path that binds `id` where it is used. */
export function bindingFor(b: RequestBuilder, id: AnyNode): AnyNode {
  const j = b.j;
  let usePath: ASTPath | undefined;
  for (const p of identifierPaths(j, b.ctx.root, id.name)) if (p.node === id) usePath = p;
  if (!usePath) return undefined;
  return declarationOf(id.name, usePath);
}

/** The declarator that binds `name` as seen from `at`, when it is a `const` (or never reassigned `let`). */
export function constDeclarator(b: RequestBuilder, name: string, at: ASTPath): AnyNode {
  const d = declarationOf(name, at);
  if (!d || d.node.type !== 'VariableDeclarator') return undefined;
  return d;
}

/** How many references the binding declared at `decl` has. */
export function referenceCount(b: RequestBuilder, name: string, decl: ASTPath): number {
  return referencePaths(b.j, b.ctx.root, name, decl).length;
}

/** True when the binding is ever assigned again or updated (`x = …`, `x++`). */
export function isReassigned(b: RequestBuilder, name: string, decl: AnyNode): boolean {
  return referencePaths(b.j, b.ctx.root, name, decl).some((r: AnyNode) => {
    const parent = r.parent.node;
    return (parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression';
  });
}

/** `payload.x = v;` as a statement in the same block as the declaration, after it. */
export function laterAssignment(b: RequestBuilder, use: ASTPath, decl: ASTPath): ASTPath | undefined {
  const member: AnyNode = use.parent?.node;
  if (member?.type !== 'MemberExpression' || member.object !== use.node) return undefined;
  const assign: AnyNode = use.parent.parent?.node;
  if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.left !== member) return undefined;
  const stmt = use.parent.parent.parent;
  if (stmt?.node.type !== 'ExpressionStatement') return undefined;
  const declStmt = decl.parent;
  if (!declStmt || stmt.parent?.node !== declStmt.parent?.node) return undefined;
  if (member.computed && staticString(member.property) === undefined) return undefined;
  return stmt as ASTPath;
}

/** A same-file function `name` as seen from `at`: a declaration or a `const` arrow / function expression. */
export function findFunction(b: RequestBuilder, name: string, at: ASTPath): { node: AnyNode; path: ASTPath; bindingPath: ASTPath } | undefined {
  const d = declarationOf(name, at);
  if (!d) return undefined;
  const n: AnyNode = d.node;
  if (n.type === 'FunctionDeclaration') return { node: n, path: d, bindingPath: d };
  if (n.type === 'VariableDeclarator' && (d.parent.node as AnyNode).kind === 'const') {
    const init = n.init;
    if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) {
      return { node: init, path: (d as AnyNode).get('init'), bindingPath: d };
    }
  }
  return undefined;
}
