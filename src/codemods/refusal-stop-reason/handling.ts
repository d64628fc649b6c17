/**
 * What gets inserted where a refusal must be handled, per `--refusal` policy (Anthropic's guidance, reference
 * §5: treat a refusal as its own outcome, do not use the partial output, do not reuse the refused turn):
 * - `throw` (default): `throw new Error("Claude refused the request (stop reason …, model …)")`;
 * - `return-null`: `return null;`
 * - `handler`: `return handleRefusal(<response>);` (the name is `--refusal-handler`);
 * - `marker`: nothing but the marker.
 * What was inserted goes to the report (a `refusal` note for the reviewer's checklist); a marker goes into the
 * code only where a human still has work to do (the marker policy, or a policy that does not fit the place).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../../ast/bedrock';
import { MARKER_MAX_LENGTH } from '../../ast/markers';
import type { CodemodContext } from '../../engine/types';
import { CONTENT_FILTERED, clone, contains, isFunctionNode, isPure, REFUSAL, stringValue, unwrap, type Shape } from './shared';

/** The stable start of every inserted error message: callers can recognise a refusal by it. */
export const REFUSAL_ERROR_PREFIX = 'Claude refused the request';

export interface Site {
  shape: Shape;
  /** Where the handling goes (a statement, a switch case, an if branch): its function decides what `return` means. */
  at: ASTPath;
  /** The expression holding the stop reason there (evaluated again in the inserted test and message). */
  reason: AnyNode;
  /** What the handler policy passes to the handler. */
  subject: AnyNode;
  /** The request's model, when it can be named at `at`. */
  model?: AnyNode;
}

const GLOBALS = new Set(['process', 'globalThis', 'window']);

/** The model expression when it is side-effect free and every name in it is visible at `at`. */
export function usableModel(at: ASTPath, model: AnyNode | undefined): AnyNode | undefined {
  if (!model || !isPure(model)) return undefined;
  let ok = true;
  const check = (n: AnyNode): void => {
    const u = unwrap(n);
    if (!u) return;
    if (u.type === 'Identifier') {
      if (!GLOBALS.has(u.name) && !(at.scope && at.scope.lookup(u.name))) ok = false;
    } else if (u.type === 'MemberExpression' || u.type === 'OptionalMemberExpression') check(u.object);
    else if (u.type === 'LogicalExpression') {
      check(u.left);
      check(u.right);
    }
  };
  check(model);
  return ok ? unwrap(model) : undefined;
}

/** `reason === "refusal"`; for Converse `reason === "content_filtered" || reason === ("refusal" as string)`. */
export function refusalTest(j: JSCodeshift, shape: Shape, reason: AnyNode, ts: boolean): AnyNode {
  const refusal = refusalLiteral(j, shape, ts);
  const isRefusal = j.binaryExpression('===', clone(reason), refusal);
  if (shape === 'anthropic') return isRefusal;
  return j.logicalExpression('||', j.binaryExpression('===', clone(reason), j.stringLiteral(CONTENT_FILTERED)), isRefusal);
}

/**
 * The literal "refusal" in the shape's type: in TypeScript, Converse's `StopReason` union has no such member,
 * so the literal is widened (`"refusal" as string`) to be comparable with it.
 */
export function refusalLiteral(j: JSCodeshift, shape: Shape, ts: boolean, parens = true): AnyNode {
  const lit = j.stringLiteral(REFUSAL);
  if (shape !== 'converse' || !ts) return lit;
  const widened: AnyNode = j.tsAsExpression(lit, j.tsStringKeyword());
  if (parens) widened.extra = { parenthesized: true };
  return widened;
}

/** `Claude refused the request (stop reason: refusal, model: …)` as a string or template literal. */
export function refusalMessage(j: JSCodeshift, site: Site): AnyNode {
  const parts: Array<string | AnyNode> = [`${REFUSAL_ERROR_PREFIX} (stop reason: `];
  if (site.shape === 'converse' && isPure(site.reason)) parts.push(clone(unwrap(site.reason)));
  else parts.push(REFUSAL);
  const model = usableModel(site.at, site.model);
  if (model) {
    parts.push(', model: ');
    const literal = stringValue(model);
    parts.push(literal !== undefined ? literal : clone(model));
  }
  parts.push(')');
  // Merge adjacent strings; a template literal only when an expression is left.
  const quasis: string[] = [''];
  const expressions: AnyNode[] = [];
  for (const part of parts) {
    if (typeof part === 'string') quasis[quasis.length - 1] += part;
    else {
      expressions.push(part);
      quasis.push('');
    }
  }
  if (expressions.length === 0) return j.stringLiteral(quasis[0]);
  return j.templateLiteral(
    quasis.map((q, i) => j.templateElement({ raw: q.replace(/[`\\]|\$\{/g, (m) => `\\${m}`), cooked: q }, i === quasis.length - 1)),
    expressions,
  );
}

export type Built = { statements: AnyNode[]; note: string } | { unavailable: string };

/** The statements for the policy at `site`, or why the policy cannot be applied there. */
export function handlingFor(ctx: CodemodContext, site: Site): Built {
  const { j } = ctx;
  const policy = ctx.options.refusal;
  if (policy === 'marker') return { unavailable: '' };
  if (policy === 'throw') {
    return { statements: [j.throwStatement(j.newExpression(j.identifier('Error'), [refusalMessage(j, site)]))], note: 'throws' };
  }
  const fn = functionOf(site.at);
  if (!fn) return { unavailable: `--refusal=${policy} needs a function to return from` };
  if (fn.generator) return { unavailable: `--refusal=${policy} does not fit a generator` };
  if (fn.kind === 'constructor' || fn.kind === 'set') return { unavailable: `--refusal=${policy} does not fit a ${fn.kind}` };
  if (policy === 'return-null') {
    if (!returnTypeAllowsNull(fn)) return { unavailable: '--refusal=return-null: the declared return type does not allow null' };
    return { statements: [j.returnStatement(j.nullLiteral())], note: 'returns null' };
  }
  const handler = ctx.options.refusalHandler;
  const call = j.callExpression(j.identifier(handler), [clone(unwrap(site.subject))]);
  const known = !!(site.at.scope && site.at.scope.lookup(handler));
  return {
    statements: [j.returnStatement(call)],
    note: known ? `calls ${handler}()` : `calls ${handler}(), which must be defined or imported`,
  };
}

function functionOf(path: ASTPath): AnyNode | undefined {
  let p: ASTPath | null = path;
  while (p) {
    if (isFunctionNode(p.node)) return p.node;
    if (p.node.type === 'Program') return undefined;
    p = p.parentPath as ASTPath | null;
  }
  return undefined;
}

/** Without a declared return type anything goes; with one, it must mention null, any or unknown. */
function returnTypeAllowsNull(fn: AnyNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  if (!annotation) return true;
  return contains(annotation, (n) => n.type === 'TSNullKeyword' || n.type === 'TSAnyKeyword' || n.type === 'TSUnknownKeyword');
}

const CONVERSE_NOTE =
  'Converse has no "refusal" member: content_filtered and the raw "refusal" string are both treated as a refusal (what Converse really returns is uncertain)';

/**
 * Records what was done at a place, or leaves what is left to do there: when `built` holds the inserted
 * statements, a `refusal` note says what they do (the whole explanation, for the report); otherwise a short
 * marker says what a human must add (`todo`, with why the policy could not be applied).
 */
export function record(ctx: CodemodContext, at: ASTPath, done: string, todo: string, shape: Shape, built: Built, advice = true): void {
  if ('statements' in built) {
    ctx.note(noteText(done, shape, built, advice), at, 'refusal');
    return;
  }
  const full = todoText(todo, built.unavailable);
  if (full.length <= MARKER_MAX_LENGTH) {
    ctx.marker(at, full);
    return;
  }
  // Why the policy could not be applied does not fit on the marker's line: the report says it.
  ctx.marker(at, todoText(todo));
  ctx.note(`refusal handling not added: ${built.unavailable}`, at, 'refusal');
}

/** The report line for inserted handling: what it does, Anthropic's advice, and the Converse caveat. */
export function noteText(done: string, shape: Shape, built: Extract<Built, { statements: AnyNode[] }>, advice = true): string {
  const that = built.note ? ` that ${built.note}` : '';
  const tail = advice ? ' (never use the partial output or resend the refused turn)' : '';
  return `Claude 4 "refusal" stop reason: ${done}${that}${tail}${shape === 'converse' ? `. ${CONVERSE_NOTE}` : ''}`;
}

/** The marker for handling a human must write: one short line (the docs explain the rest). */
export function todoText(todo: string, unavailable = ''): string {
  return `Claude 4 can stop with "refusal": ${todo}${unavailable ? ` (${unavailable})` : ''}`;
}
