/**
 * Writing the Converse read that replaces an Anthropic one: `base.a.b.c` (with `!` after optional Converse
 * fields in TS, optional chaining kept), and whether a value is only compared.
 */
import { type AnyNode } from '../../ast/bedrock';
import { type ResponseAnalyzer } from './state';

/** `base.a.b.c` with `!` after each optional Converse field in TS (runtime-neutral), optional chaining kept. */
export function chain(a: ResponseAnalyzer, base: AnyNode, fields: string[], optional: boolean, tail: Array<string | number> = [], compared = false): AnyNode {
  const j = a.j;
  let expr: AnyNode = base;
  const all: Array<string | number> = [...fields, ...tail];
  all.forEach((f, i) => {
    const last = i === all.length - 1;
    if (typeof f === 'number') expr = j.memberExpression(expr, j.numericLiteral(f), true);
    else if (optional) expr = j.optionalMemberExpression(expr, j.identifier(f), false, true);
    else expr = j.memberExpression(expr, j.identifier(f));
    if (a.ts && !optional && typeof f === 'string' && !(last && compared)) expr = j.tsNonNullExpression(expr);
  });
  return expr;
}

/** True when the value at `p` is compared (`===`, `!==`, `==`, `!=`, switch discriminant, `??`/`?.`). */
export function comparedAt(a: ResponseAnalyzer, p: AnyNode): boolean {
  const parent: AnyNode = p.parent.node;
  if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) return true;
  if (parent.type === 'SwitchStatement' && parent.discriminant === p.node) return true;
  if (parent.type === 'LogicalExpression' && parent.operator === '??' && parent.left === p.node) return true;
  if (parent.type === 'OptionalMemberExpression' && parent.object === p.node) return true;
  return false;
}
