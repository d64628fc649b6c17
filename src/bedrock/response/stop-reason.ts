/**
 * The stop reason: the same strings on Converse, except `refusal` and `pause_turn`, which Converse has no
 * member for (reference §2e, §5): comparisons with those keep their string, with a comment.
 */
import { staticString, type AnyNode } from '../../ast/bedrock';
import { isConverseStopReason } from '../../models/stop-reasons';
import { trackVariable } from './follow';
import { type ResponseAnalyzer } from './state';
import { block } from '../result';

/** The stop reason: compared, switched on, kept in a variable, or passed on as a string. */
export function useStopReason(a: ResponseAnalyzer, p: AnyNode): void {
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
    const other = parent.left === node ? parent.right : parent.left;
    const value = staticString(other);
    if (value !== undefined && !isConverseStopReason(value)) unknownStopReason(a, p, value);
    return;
  }
  if (parent.type === 'SwitchStatement' && parent.discriminant === node) {
    parent.cases.forEach((c: AnyNode, i: number) => {
      const value = c.test ? staticString(c.test) : undefined;
      if (value !== undefined && !isConverseStopReason(value)) unknownStopReason(a, p, value, p.parent.get('cases', i));
    });
    return;
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    if (parent.id.typeAnnotation) block('the stop reason variable has a type annotation');
    return trackVariable(a, p.parent, 'stopReason');
  }
  // Returned, logged, stored: a plain string either way.
}

/**
 * `refusal` / `pause_turn` have no Converse StopReason member (reference §2e, §5). The comparison keeps
 * its string (the SDK passes unknown values through), with a comment; in TS the value is widened to
 * string so the comparison still type-checks. Refusal handling itself is the refusal-stop-reason codemod's job.
 */
export function unknownStopReason(a: ResponseAnalyzer, p: AnyNode, value: string, at?: AnyNode): void {
  const j = a.j;
  const stmt = at ?? statementOf(p);
  a.rewrites.push(() => {
    if (stmt) {
      const text = ` Converse has no "${value}" stop reason; the SDK passes unknown values through unchanged.`;
      const comments = (stmt.node.comments ??= []);
      if (!comments.some((c: AnyNode) => c.value === text)) comments.push(j.commentLine(text, true, false));
    }
  });
  if (a.ts && !a.widen.includes(p)) a.widen.push(p);
}

/** The statement that holds `p`. */
export function statementOf(p: AnyNode): AnyNode {
  let cur = p;
  while (cur && cur.parent) {
    const t = cur.node.type;
    if (/Statement$|Declaration$/.test(t) && t !== 'BlockStatement') return cur;
    cur = cur.parent;
  }
  return undefined;
}

