/**
 * if / else-if chains comparing a stop reason with known values: add a refusal branch before the final
 * `else` (or at the end). A Converse chain that already tests `content_filtered` gets the raw "refusal"
 * string added to that test. Chains that test with `!==` already send everything else (refusal included)
 * down one path and are left alone.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../../ast/bedrock';
import { handlingFor, record, todoText, refusalLiteral, refusalTest, type Site } from './handling';
import { enumOf, modelNear, shapeOf, valueOf, type Run } from './resolve';
import { indentAt, parsedText, reparseWithInsertions } from './reparse';
import { clone, contains, CONTENT_FILTERED, sameTree, enclosingFunction, isMember, KNOWN_STOP_REASONS, looksLikeStopReason, mentionsRefusal, REFUSAL, sameExpression, unwrap } from './shared';

interface Comparison {
  subject: AnyNode;
  value: string | undefined;
  operand: AnyNode;
  negated: boolean;
  /** The `===` node itself, to extend it. */
  node: AnyNode;
}

/** `x === "v"`, `"v" == x`, `x !== "v"`, and `||` / `&&` of them. */
function comparisons(run: Run, test: AnyNode, out: Comparison[] = []): Comparison[] {
  const t = unwrap(test);
  if (t?.type === 'LogicalExpression') {
    comparisons(run, t.left, out);
    comparisons(run, t.right, out);
  } else if (t?.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(t.operator)) {
    const negated = t.operator.startsWith('!');
    const lv = valueOf(run, t.left);
    const rv = valueOf(run, t.right);
    if (rv !== undefined && lv === undefined) out.push({ subject: t.left, value: rv, operand: t.right, negated, node: t });
    else if (lv !== undefined && rv === undefined) out.push({ subject: t.right, value: lv, operand: t.left, negated, node: t });
  }
  return out;
}

export function addRefusalBranches(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  /** One branch per function and stop-reason expression: the first chain that tests it gets it. */
  const done: Array<{ fn: AnyNode; subject: AnyNode }> = [];
  ctx.root.find(j.IfStatement).forEach((path) => {
    const parent: AnyNode = path.parentPath.node;
    if (parent.type === 'IfStatement' && parent.alternate === path.node) return; // not the head of its chain
    if (ctx.isIgnored(path as ASTPath)) return;
    const chain: AnyNode[] = [];
    for (let n: AnyNode = path.node; n?.type === 'IfStatement'; n = n.alternate) chain.push(n);
    const all = chain.flatMap((n) => comparisons(run, n.test));
    const stop = all.filter((c) => c.value !== undefined && KNOWN_STOP_REASONS.has(c.value) && looksLikeStopReason(c.subject));
    if (stop.length === 0) return;
    const subject = stop[0].subject;
    const same = all.filter((c) => sameExpression(c.subject, subject));
    if (same.some((c) => c.negated || c.value === REFUSAL) || chain.some((n) => mentionsRefusal(n.test))) return;

    const at = path as ASTPath;
    const fn = enclosingFunction(at).node;
    if (done.some((d) => d.fn === fn && sameExpression(d.subject, subject))) return;
    // A function that already tests for a refusal somewhere (another chain, a switch case) handles it.
    if (mentionsRefusal(fn)) return;
    const values = same.map((c) => c.value!);
    const shape = shapeOf(run, at, subject, values);
    if (!shape) {
      ctx.marker(at, todoText('add a branch for it here (InvokeModel or Converse shape: unclear)'));
      return;
    }
    done.push({ fn, subject });

    const filtered = shape === 'converse' ? same.find((c) => c.value === CONTENT_FILTERED && !c.negated) : undefined;
    if (filtered) {
      if (ctx.options.refusal === 'marker') {
        record(ctx, at, '', 'let the raw "refusal" stop reason take the content_filtered branch', shape, { unavailable: '' });
        return;
      }
      // `x === "content_filtered"` → `x === "content_filtered" || x === ("refusal" as string)`
      const original = { ...filtered.node };
      const widened = j.logicalExpression('||', original as never, j.binaryExpression('===', clone(filtered.subject), refusalLiteral(j, shape, run.ts)));
      for (const key of Object.keys(filtered.node)) delete filtered.node[key];
      Object.assign(filtered.node, widened);
      record(ctx, at, 'added the raw "refusal" stop reason to the content_filtered test', '', shape, { statements: [], note: 'shares its handling' });
      run.changed = true;
      return;
    }

    const site: Site = { shape, at, reason: subject, subject: isMember(unwrap(subject)) ? unwrap(subject).object : subject, model: modelNear(run, at, shape) };
    const built = handlingFor(ctx, site);
    if (!('statements' in built)) {
      record(ctx, at, '', 'add a branch for it to this chain', shape, built);
      return;
    }
    const enumName = same.map((c) => enumOf(run, c.operand)).find(Boolean);
    let test: AnyNode;
    if (enumName) {
      const member = [...run.enums.get(enumName)!].find(([, v]) => v === REFUSAL)?.[0];
      if (!member) {
        record(ctx, at, '', `add a refusal member to ${enumName} and a branch for it here`, shape, { unavailable: '' });
        return;
      }
      test = j.binaryExpression('===', clone(unwrap(subject)), j.memberExpression(j.identifier(enumName), j.identifier(member)));
    } else {
      test = refusalTest(j, shape, unwrap(subject), run.ts);
    }
    const branch = insertBranch(run, at, j.ifStatement(test, j.blockStatement(built.statements)));
    record(ctx, branch.headPath, 'added a branch', '', shape, built);
    run.changed = true;
  });
}

/**
 * Adds `branch` (an `if` without alternate) as the chain's next-to-last `else if` (before a final `else`),
 * and returns the new branch as it is in the tree, with the path of the chain's head. Written into the chain's original text when it is
 * untouched (recast would reprint the changed `if` and restyle braceless branches), else as nodes.
 */
function insertBranch(run: Run, path: ASTPath, branch: AnyNode): { node: AnyNode; headPath: ASTPath } {
  const { j, style } = run.ctx;
  const lastOf = (head: AnyNode): AnyNode => {
    let n = head;
    while (n.alternate?.type === 'IfStatement') n = n.alternate;
    return n;
  };
  const headNode: AnyNode = path.node;
  const last = lastOf(headNode);
  const text = parsedText(run);
  const indent = text !== undefined && typeof headNode.start === 'number' ? indentAt(text, headNode.start) : undefined;
  if (indent !== undefined && typeof last.consequent?.end === 'number') {
    const printed = j(branch)
      .toSource({ quote: style.quote, useTabs: style.useTabs, tabWidth: style.tabWidth, trailingComma: style.trailingComma })
      .split('\n')
      .join(`\n${indent}`);
    const braced = last.consequent.type === 'BlockStatement';
    const insertion = { at: last.consequent.end, text: braced ? ` else ${printed}` : `\n${indent}else ${printed}` };
    const expected = clone(headNode);
    const expectedLast = lastOf(expected);
    expectedLast.alternate = { ...clone(branch), alternate: expectedLast.alternate ?? null };
    const fresh = reparseWithInsertions(run, path, [insertion], (f) => sameTree(f, expected));
    // The new branch ends the chain of `if`s (a final `else` block, if any, is its alternate).
    if (fresh) return { node: lastOf(fresh.node), headPath: fresh.path };
  }
  const added = { ...branch, alternate: last.alternate ?? null };
  last.alternate = added;
  return { node: added, headPath: path };
}


/**
 * Conditional expressions on a stop reason (`r.stopReason === "max_tokens" ? … : …`): rewriting them into
 * statements is not provably equivalent, so a function that has one and never mentions refusal gets a marker.
 */
export function markStopReasonTernaries(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  const marked = new Set<AnyNode>();
  ctx.root.find(j.ConditionalExpression).forEach((path) => {
    const stop = comparisons(run, (path.node as AnyNode).test).filter(
      (c) => c.value !== undefined && KNOWN_STOP_REASONS.has(c.value) && looksLikeStopReason(c.subject),
    );
    if (stop.length === 0 || stop.some((c) => c.negated) || ctx.isIgnored(path as ASTPath)) return;
    const fn = enclosingFunction(path as ASTPath).node;
    if (marked.has(fn) || mentionsRefusal(fn)) return;
    marked.add(fn);
    const shape = shapeOf(run, path as ASTPath, stop[0].subject, stop.map((c) => c.value!)) ?? 'anthropic';
    record(ctx, path as ASTPath, '', 'this expression branches on the stop reason with no refusal outcome', shape, { unavailable: '' });
  });
}
