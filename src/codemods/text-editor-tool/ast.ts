import { unwrapExpression } from '../../ast/bedrock';
import type { ASTPath, JSCodeshift } from 'jscodeshift';

// AST nodes are handled structurally here (both Babel and ESTree flavours), so they are typed loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

/** The value of a string literal in any flavour (`'a'`, `"a"`, a template with no expressions). */
export function stringValue(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    return node.quasis[0].value.cooked ?? node.quasis[0].value.raw;
  }
  if (node.type === 'TSLiteralType') return stringValue(node.literal);
  return undefined;
}


/** The static name of an object/class member key: `a`, `'a'`, `["a"]`. */
export function keyName(prop: AnyNode): string | undefined {
  const key = prop?.key;
  if (!key) return undefined;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateName') return key.id.name;
  return stringValue(key);
}

export function isObjectProperty(node: AnyNode): boolean {
  return node?.type === 'ObjectProperty' || (node?.type === 'Property' && node.kind === 'init' && !node.method);
}

/** The properties of an object literal (without spreads and methods). */
export function properties(obj: AnyNode): AnyNode[] {
  if (!obj || obj.type !== 'ObjectExpression') return [];
  return obj.properties.filter(isObjectProperty);
}

export function propertyNamed(obj: AnyNode, name: string): AnyNode | undefined {
  return properties(obj).find((p) => keyName(p) === name);
}

/** Strips `as const`, `satisfies`, type assertions, parentheses and non-null assertions. */
export const unwrap = unwrapExpression;

/** Replaces a string literal node in place with one holding `value`, in the file's quote style. */
export function replaceString(j: JSCodeshift, path: ASTPath, value: string): void {
  const node = path.node as AnyNode;
  if (node.type === 'TemplateLiteral') {
    path.replace(j.templateLiteral([j.templateElement({ raw: value, cooked: value }, true)], []));
    return;
  }
  path.replace(j.stringLiteral(value));
}


/** Ancestors of a path, nearest first. */
export function* ancestors(path: ASTPath): Generator<ASTPath> {
  let current = path.parentPath as ASTPath | null;
  while (current) {
    yield current;
    current = current.parentPath as ASTPath | null;
  }
}

/** The nearest enclosing node (path) of one of the given types. */
export function closest(path: ASTPath, types: readonly string[]): ASTPath | undefined {
  for (const p of ancestors(path)) {
    if (p.node && types.includes((p.node as AnyNode).type)) return p;
  }
  return undefined;
}

/** Walks every node below `node` (inclusive), calling `visit` with each node. */
export function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'tokens' || key === 'extra' || key === 'original') continue;
    const child = node[key];
    if (child && typeof child === 'object') walk(child, visit);
  }
}

/** The statement that holds a path (markers about a whole request go there, not on one property). */
export function statementOf(j: JSCodeshift, path: ASTPath): ASTPath {
  let current: ASTPath | null = path;
  while (current) {
    const node = current.node as AnyNode;
    if (j.Statement.check(node) && node.type !== 'BlockStatement' && Array.isArray(current.parentPath?.value)) return current;
    current = current.parentPath as ASTPath | null;
  }
  return path;
}

/**
 * Removes a statement. When it sits in a program that starts with directives (`'use strict'`),
 * they first become the plain statements they are in the source: recast reprints a program whose
 * body changed with a doubled `;` after each directive and no blank line after them.
 */
export function pruneStatement(j: JSCodeshift, path: ASTPath): void {
  let program: AnyNode;
  for (const p of ancestors(path)) {
    if ((p.node as AnyNode)?.type === 'Program') program = p.node;
    if (program) break;
  }
  if (program && path.parentPath?.parentPath?.node === program && program.directives?.length) {
    const statements = program.directives.map((d: AnyNode) => {
      const statement = j.expressionStatement(j.stringLiteral(d.value.value)) as AnyNode;
      Object.assign(statement, { loc: d.loc, start: d.start, end: d.end, comments: d.comments });
      return statement;
    });
    program.directives = [];
    program.body.unshift(...statements);
  }
  path.prune();
}
