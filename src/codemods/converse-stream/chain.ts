/**
 * Member chains: `chunk.delta?.text`, `chunk!.delta!.text`, `chunk['amazon-bedrock-invocationMetrics']`.
 * Reading them (which properties, from which root) and building new ones from a short path notation.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { staticString, type AnyNode } from '../../ast/bedrock';

export function isMember(node: AnyNode): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/** The property a member access reads, when it is static (`a.b`, `a?.b`, `a['b']`). */
export function memberName(node: AnyNode): string | undefined {
  if (!isMember(node)) return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed) return staticString(node.property);
  return undefined;
}

/** Strips `x!` wrappers. */
export function stripNonNull(node: AnyNode): AnyNode {
  let n = node;
  while (n?.type === 'TSNonNullExpression' || n?.type === 'ParenthesizedExpression') n = n.expression;
  return n;
}

/** `root.a.b.c` (any mix of `?.`, `!`, static computed keys) → { root, props }; undefined when not static. */
export function readChain(node: AnyNode): { root: AnyNode; props: string[] } | undefined {
  const props: string[] = [];
  let n = stripNonNull(node);
  while (isMember(n)) {
    const name = memberName(n);
    if (name === undefined) return undefined;
    props.unshift(name);
    n = stripNonNull(n.object);
  }
  return { root: n, props };
}

/** True when `node` is the identifier `name` followed by exactly `props`. */
export function isChainOf(node: AnyNode, name: string, props: readonly string[]): boolean {
  const chain = readChain(node);
  return (
    !!chain &&
    chain.root?.type === 'Identifier' &&
    chain.root.name === name &&
    chain.props.length === props.length &&
    chain.props.every((p, i) => p === props[i])
  );
}

/**
 * The accesses hanging off an identifier occurrence, outermost last: for `chunk.delta.text.length` seen
 * from `chunk`, the paths of `chunk.delta`, `chunk.delta.text`, `chunk.delta.text.length` with their props.
 * `!` wrappers are walked through (the entry's path is the outermost wrapper of that access).
 */
export function accessesFrom(idPath: ASTPath): Array<{ path: ASTPath; props: string[] }> {
  const out: Array<{ path: ASTPath; props: string[] }> = [];
  const props: string[] = [];
  let cur: ASTPath = idPath;
  for (;;) {
    const parent = (cur as AnyNode).parent as ASTPath | null;
    const pn: AnyNode = parent?.node;
    if (!parent || !pn) break;
    if ((pn.type === 'TSNonNullExpression' || pn.type === 'ParenthesizedExpression') && pn.expression === cur.node) {
      cur = parent;
      if (out.length) out[out.length - 1].path = cur;
      continue;
    }
    if (isMember(pn) && pn.object === cur.node) {
      const name = memberName(pn);
      if (name === undefined) break;
      props.push(name);
      out.push({ path: parent, props: [...props] });
      cur = parent;
      continue;
    }
    break;
  }
  return out;
}

/**
 * Builds `root.a.b` from a path notation: segments separated by `.`; a segment starting with `?` is read
 * with `?.`; a segment ending with `!` gets a TypeScript non-null assertion (only when `ts`).
 * Example: `contentBlockDelta.delta!.toolUse.?input!`.
 */
export function buildChain(j: JSCodeshift, root: string, notation: string, ts: boolean, leafAssertion = true): AnyNode {
  let node: AnyNode = j.identifier(root);
  let inOptional = false;
  const segments = notation.split('.');
  for (const [i, raw] of segments.entries()) {
    const optional = raw.startsWith('?');
    const bang = raw.endsWith('!') && (leafAssertion || i < segments.length - 1);
    const name = raw.replace(/^\?/, '').replace(/!$/, '');
    if (optional || inOptional) {
      node = j.optionalMemberExpression(node, j.identifier(name), false, optional);
      inOptional = true;
    } else {
      node = j.memberExpression(node, j.identifier(name));
    }
    if (bang && ts) {
      node = j.tsNonNullExpression(node);
      inOptional = false;
    }
  }
  return node;
}
