/**
 * Small facts and AST helpers shared by the refusal-stop-reason steps.
 *
 * Stop reasons (shared/reference/bedrock-claude-api.md §1c, §2e): the Anthropic Messages shape
 * (InvokeModel body, AnthropicBedrock) has `refusal`; the Converse `StopReason` enum has none.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { ANTHROPIC_STOP_REASONS, CONVERSE_STOP_REASONS } from '../../models/stop-reasons';

export { ANTHROPIC_STOP_REASONS, CONVERSE_STOP_REASONS };

export type Shape = 'anthropic' | 'converse';

export const KNOWN_STOP_REASONS: ReadonlySet<string> = new Set<string>([...ANTHROPIC_STOP_REASONS, ...CONVERSE_STOP_REASONS]);
const ANTHROPIC_ONLY: ReadonlySet<string> = new Set(['pause_turn', 'refusal']);
const CONVERSE_ONLY: ReadonlySet<string> = new Set(['content_filtered', 'guardrail_intervened', 'malformed_model_output', 'malformed_tool_use']);

export const REFUSAL = 'refusal';
export const CONTENT_FILTERED = 'content_filtered';

/** The shape a set of stop-reason values can only come from, if any. */
export function shapeOfValues(values: Iterable<string>): Shape | undefined {
  let shape: Shape | undefined;
  for (const v of values) {
    if (CONVERSE_ONLY.has(v) && v !== CONTENT_FILTERED) return 'converse';
    if (v === CONTENT_FILTERED) shape = 'converse';
    if (ANTHROPIC_ONLY.has(v) && v !== REFUSAL) shape ??= 'anthropic';
  }
  return shape;
}

/** A property name that holds a stop reason. */
export function stopReasonShapeOfName(name: string | undefined): Shape | undefined {
  if (name === 'stop_reason') return 'anthropic';
  if (name === 'stopReason') return 'converse';
  return undefined;
}

/** Whether an expression's own spelling says it holds a stop reason (`x.stop_reason`, `reason`, `stopReason`). */
export function looksLikeStopReason(node: AnyNode): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'Identifier') return /stop|reason/i.test(n.name);
  if (isMember(n)) return looksLikeStopReason(n.property) || (!n.computed && n.property.type === 'Identifier' && /stop|reason/i.test(n.property.name));
  return false;
}

export function isMember(n: AnyNode): boolean {
  return n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression';
}

/** The name of a non-computed member property (`a.b` → `b`, `a["b"]` → `b`). */
export function memberName(n: AnyNode): string | undefined {
  if (!isMember(n)) return undefined;
  if (!n.computed && n.property.type === 'Identifier') return n.property.name;
  if (n.computed && (n.property.type === 'StringLiteral' || (n.property.type === 'Literal' && typeof n.property.value === 'string'))) {
    return n.property.value;
  }
  return undefined;
}

export function stringValue(n: AnyNode): string | undefined {
  const u = unwrap(n);
  if (!u) return undefined;
  if (u.type === 'StringLiteral' || (u.type === 'Literal' && typeof u.value === 'string')) return u.value;
  if (u.type === 'TemplateLiteral' && u.expressions.length === 0) return u.quasis[0].value.cooked;
  return undefined;
}

/** Strips `as T`, `!`, `<T>x`, `satisfies`, parentheses. */
export const unwrap = unwrapExpression;

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'range', 'extra', 'original']);

/** A deep copy without positions, comments or raw text, so recast prints it fresh in the file's style. */
export function clone<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => clone(n)) as unknown as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (SKIP_KEYS.has(key)) continue;
    out[key] = clone(value);
  }
  return out as T;
}

/**
 * Structural equality of two subtrees as a printer sees them: positions, comments and raw text (`extra`)
 * ignored, and a missing field equal to an empty one (builders fill defaults the parser leaves out).
 */
export function sameTree(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === false || (Array.isArray(v) && v.length === 0);
  if (empty(a) && empty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameTree(x, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (x.type !== y.type) return false;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (SKIP_KEYS.has(key)) continue;
    if (key === 'raw' && x.type === undefined) continue; // TemplateElement value: `cooked` decides
    if (!sameTree(x[key], y[key])) return false;
  }
  return true;
}

/** Structural equality of two expressions, ignoring positions, parentheses and TS wrappers. */
export function sameExpression(a: AnyNode, b: AnyNode): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (!x || !y) return x === y;
  if (x.type === 'Identifier' && y.type === 'Identifier') return x.name === y.name;
  if (x.type === 'ThisExpression' && y.type === 'ThisExpression') return true;
  if (isMember(x) && isMember(y)) {
    const nx = memberName(x);
    const ny = memberName(y);
    return nx !== undefined && nx === ny && sameExpression(x.object, y.object);
  }
  return false;
}

/**
 * An expression that can be evaluated again without side effects: identifiers, `this`, member chains and
 * string literals, optionally combined with `??` / `||`.
 */
export function isPure(n: AnyNode): boolean {
  const u = unwrap(n);
  if (!u) return false;
  if (u.type === 'Identifier' || u.type === 'ThisExpression') return true;
  if (stringValue(u) !== undefined) return true;
  if (isMember(u)) return (!u.computed || stringValue(u.property) !== undefined) && isPure(u.object);
  if (u.type === 'LogicalExpression' && (u.operator === '??' || u.operator === '||')) return isPure(u.left) && isPure(u.right);
  return false;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

export function isFunctionNode(n: AnyNode): boolean {
  return !!n && FUNCTION_TYPES.has(n.type);
}

/** The nearest enclosing function, or the Program. */
export function enclosingFunction(path: ASTPath): ASTPath {
  let p: ASTPath | null = path.parentPath as ASTPath | null;
  while (p) {
    if (isFunctionNode(p.node) || p.node.type === 'Program') return p;
    p = p.parentPath as ASTPath | null;
  }
  return path;
}

/** Depth-first walk of a subtree's nodes (not paths), for cheap "does it contain" questions. */
export function walk(node: AnyNode, visit: (n: AnyNode) => boolean | void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (typeof node.type !== 'string') return;
  if (visit(node) === false) return;
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Whether a subtree contains a node for which `test` is true. For the Program (module-level code), nested
 * functions are not looked into: they are other functions.
 */
export function contains(node: AnyNode, test: (n: AnyNode) => boolean): boolean {
  let found = false;
  const topLevel = node?.type === 'Program';
  walk(node, (n) => {
    if (found) return false;
    if (topLevel && isFunctionNode(n)) return false;
    if (test(n)) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/** Whether the subtree reads a stop reason (`x.stop_reason`, `x.stopReason`, or destructures one). */
export function readsStopReason(node: AnyNode): boolean {
  return contains(node, (n) => {
    if (isMember(n)) return stopReasonShapeOfName(memberName(n)) !== undefined;
    if ((n.type === 'ObjectProperty' || n.type === 'Property') && !n.computed) {
      const key = n.key?.type === 'Identifier' ? n.key.name : n.key?.value;
      return stopReasonShapeOfName(key) !== undefined;
    }
    return false;
  });
}

/**
 * Whether the subtree checks the stop reason for more than "is it tool_use?". A tool-use loop that only
 * tests `stopReason !== "tool_use"` treats every other stop — a refusal too — as the final answer and
 * reads its (empty or partial) text, so it gets a guard like code that never reads the stop reason.
 */
export function checksStopReason(node: AnyNode): boolean {
  const toolUseTests = new Set<AnyNode>();
  walk(node, (n) => {
    if (n.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(n.operator)) return;
    for (const [a, b] of [
      [n.left, n.right],
      [n.right, n.left],
    ]) {
      const side = unwrap(a);
      if (isMember(side) && stopReasonShapeOfName(memberName(side)) !== undefined && stringValue(b) === 'tool_use') toolUseTests.add(side);
    }
  });
  return contains(node, (n) => {
    if (isMember(n)) return stopReasonShapeOfName(memberName(n)) !== undefined && !toolUseTests.has(n);
    if ((n.type === 'ObjectProperty' || n.type === 'Property') && !n.computed) {
      const key = n.key?.type === 'Identifier' ? n.key.name : n.key?.value;
      return stopReasonShapeOfName(key) !== undefined;
    }
    return false;
  });
}

/** Whether the subtree mentions the string "refusal" (a comparison, a case, a map key, a union member). */
export function mentionsRefusal(node: AnyNode): boolean {
  return contains(node, (n) => stringValue(n) === REFUSAL || (n.type === 'Identifier' && /refus/i.test(n.name)));
}

export function isTypeScriptFile(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/i.test(path);
}

/**
 * The path of `node` searched in the subtree at `within` only (handing the engine a bare node makes it
 * search the whole file, once per marker). Falls back to the node itself.
 */
export function pathWithin(j: JSCodeshift, within: ASTPath, node: AnyNode): ASTPath | AnyNode {
  if (within.node === node) return within;
  let found: ASTPath | undefined;
  const type = (j as unknown as Record<string, unknown>)[node.type] ?? j.Node;
  j(within)
    .find(type as never)
    .forEach((p) => {
      if (!found && p.node === node) found = p as ASTPath;
    });
  return found ?? node;
}

/** A string literal built fresh (recast prints it with the file's quotes). */
export function str(j: JSCodeshift, value: string): AnyNode {
  return j.stringLiteral(value);
}
