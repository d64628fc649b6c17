import { unwrapExpression } from '../../ast/bedrock';
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';

/** A loose node type: the AST is walked by `type`, as jscodeshift users do. */
export type AnyNode = { type: string; [key: string]: any };

/** The static name of an object property's key (identifier or string key), or null when computed. */
export function propertyName(prop: AnyNode): string | null {
  if (!prop || (prop.type !== 'ObjectProperty' && prop.type !== 'Property' && prop.type !== 'TSPropertySignature')) return null;
  const key = prop.key as AnyNode;
  if (prop.computed) return key.type === 'StringLiteral' || key.type === 'Literal' ? String(key.value) : null;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'StringLiteral' || (key.type === 'Literal' && typeof key.value === 'string')) return key.value as string;
  return null;
}

export function isObjectProperty(node: AnyNode | null | undefined): boolean {
  return !!node && (node.type === 'ObjectProperty' || node.type === 'Property');
}

export function isStringLiteral(node: AnyNode | null | undefined): boolean {
  return !!node && (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string'));
}

/** The string value of a literal or of a template literal without interpolations. */
export function staticString(node: AnyNode | null | undefined): string | null {
  if (!node) return null;
  if (isStringLiteral(node)) return node.value as string;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked as string;
  return null;
}

/** The path of the property named `name` in an object literal path, or undefined. */
export function propertyPath(objectPath: ASTPath, name: string): ASTPath | undefined {
  const props = (objectPath.node as AnyNode).properties as AnyNode[];
  const index = props.findIndex((p) => isObjectProperty(p) && propertyName(p) === name);
  return index < 0 ? undefined : (objectPath.get('properties', index) as ASTPath);
}

/** The value path of the property named `name`, when it is an object literal. */
export function objectValuePath(objectPath: ASTPath, name: string): ASTPath | undefined {
  const prop = propertyPath(objectPath, name);
  if (!prop) return undefined;
  const value = prop.get('value') as ASTPath;
  return (value.node as AnyNode).type === 'ObjectExpression' ? value : undefined;
}

/**
 * Removes the named properties from an object literal; returns the names removed. recast prints an object
 * whose property list changed over several lines, so a one-line object (`{ maxTokens: 200, topP: 0.9 }`)
 * is rebuilt from the source text of the properties it keeps, and stays on one line.
 */
export function removeProperties(objectPath: ASTPath, names: readonly string[], ctx?: CodemodContext): string[] {
  const node = objectPath.node as AnyNode;
  const removed: string[] = [];
  const kept = (node.properties as AnyNode[]).filter((p) => {
    const name = isObjectProperty(p) ? propertyName(p) : null;
    if (name !== null && names.includes(name)) {
      removed.push(name);
      return false;
    }
    return true;
  });
  if (removed.length === 0) return removed;
  const oneLine = ctx ? oneLineObject(ctx, node, kept) : undefined;
  if (oneLine) objectPath.replace(oneLine);
  else node.properties = kept;
  return removed;
}

/** Source text of a parsed node (recast keeps the lines on each location). */
function sourceOf(node: AnyNode): string | undefined {
  const loc = node?.loc;
  return loc?.lines && loc.start && loc.end ? String(loc.lines.slice(loc.start, loc.end).toString()) : undefined;
}

function oneLineObject(ctx: CodemodContext, node: AnyNode, kept: AnyNode[]): AnyNode | undefined {
  const whole = sourceOf(node);
  if (!whole || whole.includes('\n') || kept.length === 0) return undefined;
  const parts: string[] = [];
  for (const p of kept) {
    if (p.comments && p.comments.length > 0) return undefined;
    // recast gives an unchanged node's own source text, and prints a changed one afresh.
    const text = ctx.j(p as never).toSource({ quote: ctx.style.quote });
    if (text.includes('\n')) return undefined;
    parts.push(text);
  }
  const open = whole.startsWith('{ ') ? '{ ' : '{';
  const close = whole.endsWith(' }') ? ' }' : '}';
  // Parsed inside an array: a bare object would be parenthesized, and recast would print it afresh.
  return (ctx.j.template.expression([`[${open}${parts.join(', ')}${close}]`]) as AnyNode).elements[0];
}

/** Strips parentheses, `as`, `satisfies` and non-null wrappers. */
export const unwrap = unwrapExpression;

/**
 * The `const` declarator path that binds `name` where `from` sees it, or undefined. Uses the scope
 * analysis of ast-types, so shadowed names are told apart.
 */
export function constDeclarator(j: JSCodeshift, from: ASTPath, name: string): ASTPath | undefined {
  const scope = (from as any).scope?.lookup(name);
  if (!scope) return undefined;
  const bindings = scope.getBindings()[name] as ASTPath[] | undefined;
  if (!bindings || bindings.length !== 1) return undefined;
  const declarator = bindings[0].parentPath as ASTPath | undefined;
  if (!declarator || (declarator.node as AnyNode).type !== 'VariableDeclarator') return undefined;
  const declaration = declarator.parentPath?.parentPath as ASTPath | undefined;
  if (!declaration || (declaration.node as AnyNode).type !== 'VariableDeclaration') return undefined;
  if ((declaration.node as AnyNode).kind !== 'const') return undefined;
  void j;
  return declarator;
}

/** Identifier paths in the tree that refer to the binding declared by `declarator` (a `const x = …`). */
export function referencesOf(j: JSCodeshift, root: ReturnType<JSCodeshift>, declarator: ASTPath): ASTPath[] {
  const id = (declarator.node as AnyNode).id as AnyNode;
  if (id.type !== 'Identifier') return [];
  const name = id.name as string;
  const declScope = (declarator as any).scope?.lookup(name);
  const refs: ASTPath[] = [];
  root.find(j.Identifier, { name } as never).forEach((p) => {
    if (p.node === id) return;
    const parent = p.parentPath?.node as AnyNode | undefined;
    // Skip property keys and member properties: they are names, not references.
    if (parent && isObjectProperty(parent) && parent.key === p.node && !parent.computed && !parent.shorthand) return;
    if (parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === p.node && !parent.computed) return;
    if ((p as any).scope?.lookup(name) !== declScope) return;
    refs.push(p as ASTPath);
  });
  return refs;
}

/** Descends from a path through `as`, `satisfies`, `!` and parentheses to the expression inside. */
export function unwrapPath(path: ASTPath): ASTPath {
  let current = path;
  while (
    current.node &&
    ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSTypeAssertion'].includes(
      (current.node as AnyNode).type,
    )
  ) {
    current = current.get('expression') as ASTPath;
  }
  return current;
}

const MEMBER_ANCHORS = new Set(['ObjectProperty', 'Property', 'ObjectMethod', 'ClassProperty', 'TSPropertySignature', 'TSEnumMember', 'SwitchCase']);

function onOneLine(node: AnyNode | undefined): boolean {
  return !!node?.loc && node.loc.start.line === node.loc.end.line;
}

/**
 * The path a marker for `path` should go on: the nearest statement, or the nearest property, member or
 * switch case when its container spans several lines (a comment inside a one-line object literal would
 * break the line apart, so those go on the statement).
 */
export function markerAnchor(j: JSCodeshift, path: ASTPath): ASTPath {
  let current: ASTPath | null = path;
  while (current) {
    const node = current.value as AnyNode;
    if (node && typeof node.type === 'string') {
      if (j.Statement.check(node) && node.type !== 'BlockStatement') {
        const block = current.parentPath?.value as AnyNode | undefined;
        const holder = Array.isArray(block) ? (current.parentPath?.parentPath?.value as AnyNode | undefined) : block;
        if (!(holder?.type === 'BlockStatement' && onOneLine(holder))) return current;
      }
      if (MEMBER_ANCHORS.has(node.type)) {
        const container = current.parentPath?.parentPath?.value as AnyNode | undefined;
        if (!onOneLine(container)) return current;
      }
    }
    current = current.parentPath as ASTPath | null;
  }
  return path;
}
