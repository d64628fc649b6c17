/**
 * Claude 4's `refusal` stop reason on the two streams (API reference §5).
 *
 * InvokeModelWithResponseStream sends `message_delta.delta.stop_reason === 'refusal'`. ConverseStream's
 * `StopReason` has no such member, and what it sends for a Claude refusal is [uncertain]: the SDK passes
 * unknown strings through, so both `content_filtered` and the raw string `"refusal"` are treated as a
 * refusal — the same convention as the refusal-stop-reason codemod, so a check it added (or one written by
 * hand) keeps firing after the migration, whatever its policy does (throw, return, call a handler).
 *
 *   chunk.delta.stop_reason === 'refusal'
 *     → event.messageStop.stopReason === 'content_filtered' || event.messageStop.stopReason === ('refusal' as string)
 *   case 'refusal':  →  case 'content_filtered': case ('refusal' as string):
 *
 * `pause_turn` (server tools, not on Bedrock) has no counterpart at all: such a comparison keeps the call.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../../ast/bedrock';

export const REFUSAL = 'refusal';
/** The Converse member treated as a refusal besides the raw string (reference §5, "Safe codemod handling"). */
export const CONVERSE_REFUSAL_MEMBER = 'content_filtered';

/** A comparison of a stop-reason read with `'refusal'`, rewritten once the read itself has been mapped. */
export type RefusalComparison =
  | { kind: 'binary'; path: ASTPath; read: 'left' | 'right'; negated: boolean }
  | { kind: 'case'; switchPath: ASTPath; caseNode: AnyNode };

function stringValue(node: AnyNode): string | undefined {
  let n = node;
  while (n?.type === 'TSAsExpression' || n?.type === 'ParenthesizedExpression') n = n.expression;
  if (n?.type === 'StringLiteral' || (n?.type === 'Literal' && typeof n.value === 'string')) return n.value;
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked;
  return undefined;
}

/**
 * The `'refusal'` comparisons of one stop-reason read (`read` is the path of the read expression).
 * Other values that are not Converse members are returned in `unmapped` (the caller keeps the call).
 */
export function refusalComparisons(read: ASTPath, isConverse: (value: string) => boolean): { found: RefusalComparison[]; unmapped: string[] } {
  const found: RefusalComparison[] = [];
  const unmapped: string[] = [];
  const parentPath = (read as AnyNode).parent as ASTPath;
  const parent: AnyNode = parentPath?.node;
  if (parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
    const side = parent.left === read.node ? 'left' : 'right';
    const value = stringValue(side === 'left' ? parent.right : parent.left);
    if (value === REFUSAL) found.push({ kind: 'binary', path: parentPath, read: side, negated: parent.operator.startsWith('!') });
    else if (value !== undefined && !isConverse(value)) unmapped.push(value);
  } else if (parent?.type === 'SwitchStatement' && parent.discriminant === read.node) {
    const values = (parent.cases as AnyNode[]).map((c) => (c.test ? stringValue(c.test) : undefined));
    for (const [i, c] of (parent.cases as AnyNode[]).entries()) {
      const value = values[i];
      if (value === REFUSAL) {
        // A case already written for content_filtered (dead code on Anthropic events) would now catch refusals.
        if (values.includes(CONVERSE_REFUSAL_MEMBER)) unmapped.push(CONVERSE_REFUSAL_MEMBER);
        else found.push({ kind: 'case', switchPath: parentPath, caseNode: c });
      } else if (value !== undefined && !isConverse(value)) unmapped.push(value);
    }
  }
  return { found, unmapped };
}

function refusalLiteral(j: JSCodeshift, ts: boolean): AnyNode {
  const literal = j.stringLiteral(REFUSAL);
  // Not a `StopReason` member: TypeScript would call the comparison unintentional without the widening.
  if (!ts) return literal;
  const widened: AnyNode = j.tsAsExpression(literal, j.tsStringKeyword());
  widened.extra = { parenthesized: true };
  return widened;
}

const clone = (node: AnyNode): AnyNode => JSON.parse(JSON.stringify(node));

/** Rewrites one comparison (after the stop-reason read in it was replaced by its ConverseStream chain). */
export function applyRefusalComparison(j: JSCodeshift, cmp: RefusalComparison, ts: boolean): void {
  if (cmp.kind === 'case') {
    const cases: AnyNode[] = (cmp.switchPath.node as AnyNode).cases;
    const at = cases.indexOf(cmp.caseNode);
    cmp.caseNode.test = refusalLiteral(j, ts);
    cases.splice(at, 0, j.switchCase(j.stringLiteral(CONVERSE_REFUSAL_MEMBER), []));
    return;
  }
  const node: AnyNode = cmp.path.node;
  const read = node[cmp.read];
  const op = node.operator as '===' | '!==' | '==' | '!=';
  const filtered = j.binaryExpression(op, read, j.stringLiteral(CONVERSE_REFUSAL_MEMBER));
  const raw = j.binaryExpression(op, clone(read), refusalLiteral(j, ts));
  cmp.path.replace(j.logicalExpression(cmp.negated ? '&&' : '||', filtered, raw));
}
