/**
 * `switch` on a stop reason: add the refusal case before `default` (or where it cannot change another
 * case's fall-through), in the shape the API returns:
 * - Anthropic shape: `case "refusal":` (or the local enum's refusal member);
 * - Converse: `case "content_filtered": case "refusal" as string:`; when the switch already handles
 *   `content_filtered`, the raw `"refusal"` label joins that case instead.
 */
import type { ASTPath } from 'jscodeshift';
import { indentAt, parsedText, reparseWithInsertions } from './reparse';
import type { AnyNode } from '../../ast/bedrock';
import { handlingFor, record, todoText, refusalLiteral, type Site } from './handling';
import { enumOf, modelNear, shapeOf, valueOf, type Run } from './resolve';
import { CONTENT_FILTERED, isMember, sameTree, KNOWN_STOP_REASONS, looksLikeStopReason, mentionsRefusal, REFUSAL, unwrap } from './shared';

export function addRefusalCases(run: Run): void {
  const { ctx } = run;
  const { j } = ctx;
  ctx.root.find(j.SwitchStatement).forEach((path) => {
    if (ctx.isIgnored(path as ASTPath)) return;
    const sw: AnyNode = path.node;
    const values = sw.cases.map((c: AnyNode) => (c.test ? valueOf(run, c.test) : undefined));
    const known = values.filter((v: string | undefined) => v !== undefined && KNOWN_STOP_REASONS.has(v));
    if (known.length === 0 || (known.length < 2 && !looksLikeStopReason(sw.discriminant))) return;
    if (values.includes(REFUSAL) || sw.cases.some((c: AnyNode) => c.test && mentionsRefusal(c.test))) return;

    const at = path as ASTPath;
    const enumName = sw.cases.map((c: AnyNode) => c.test && enumOf(run, c.test)).find(Boolean) as string | undefined;
    const enumHasRefusal = !!enumName && [...run.enums.get(enumName)!.values()].includes(REFUSAL);
    // A local enum that lists refusal needs no shape: its member is the label.
    const shape = shapeOf(run, at, sw.discriminant, known) ?? (enumHasRefusal ? 'anthropic' : undefined);
    if (!shape) {
      ctx.marker(firstCase(at), todoText('add a case for it to this switch (InvokeModel or Converse shape: unclear)'));
      return;
    }
    const site: Site = {
      shape,
      at,
      reason: sw.discriminant,
      subject: isMember(unwrap(sw.discriminant)) ? unwrap(sw.discriminant).object : sw.discriminant,
      model: modelNear(run, at, shape),
    };

    if (shape === 'converse' && values.includes(CONTENT_FILTERED)) {
      // The switch already decides what filtered content means: the raw "refusal" string joins that case.
      if (ctx.options.refusal === 'marker') {
        record(ctx, firstCase(at), '', 'let the raw "refusal" stop reason take the content_filtered case', shape, { unavailable: '' });
        return;
      }
      const index = values.indexOf(CONTENT_FILTERED);
      // Noted at the switch as written (the rewritten switch may be a fresh parse with no file position).
      record(ctx, path as ASTPath, 'added a "refusal" label to the content_filtered case', '', shape, { statements: [], note: 'shares its handling' });
      insertCases(run, path as ASTPath, index, [j.switchCase(refusalLiteral(j, shape, run.ts, false), [])]);
      run.changed = true;
      return;
    }

    const built = handlingFor(ctx, site);
    if (!('statements' in built)) {
      record(ctx, firstCase(at), '', 'add a case for it in this switch', shape, built);
      return;
    }
    let refusalLabel: AnyNode;
    if (enumName) {
      const member = [...run.enums.get(enumName)!].find(([, v]) => v === REFUSAL)?.[0];
      if (!member) {
        record(ctx, firstCase(at), '', `add a refusal member to ${enumName} and a case for it here`, shape, { unavailable: '' });
        return;
      }
      refusalLabel = j.memberExpression(j.identifier(enumName), j.identifier(member));
    } else {
      refusalLabel = refusalLiteral(j, shape, run.ts, false);
    }
    const added: AnyNode[] =
      shape === 'converse'
        ? [j.switchCase(j.stringLiteral(CONTENT_FILTERED), []), j.switchCase(refusalLabel, built.statements)]
        : [j.switchCase(refusalLabel, built.statements)];
    const index = insertionIndex(sw.cases);
    record(ctx, path as ASTPath, `added a case`, '', shape, built);
    insertCases(run, path as ASTPath, index, added);
    run.changed = true;
  });
}

/** Before `default` when the case above it cannot fall through; else at the end; else first. */
function insertionIndex(cases: AnyNode[]): number {
  const def = cases.findIndex((c) => !c.test);
  if (def >= 0 && (def === 0 || endsWithJump(cases[def - 1]))) return def;
  if (def < 0 && (cases.length === 0 || endsWithJump(cases[cases.length - 1]))) return cases.length;
  return 0;
}

function endsWithJump(c: AnyNode): boolean {
  let last = c.consequent[c.consequent.length - 1];
  while (last?.type === 'BlockStatement') last = last.body[last.body.length - 1];
  return !!last && ['BreakStatement', 'ReturnStatement', 'ThrowStatement', 'ContinueStatement'].includes(last.type);
}

/**
 * Inserts `added` at `index` of the switch's cases and returns the first inserted case (as it is in the tree)
 * with the path of the switch that holds it.
 *
 * recast prints a changed switch with its cases flush against `switch`, whatever the file's layout. When the
 * switch is still as it was parsed, the new cases are therefore written into the switch's original text at
 * the indentation of its cases, and the switch is replaced by that text parsed again, so every other line
 * keeps its layout. Otherwise (an earlier codemod already changed it) the cases are inserted as nodes.
 */
function insertCases(run: Run, path: ASTPath, index: number, added: AnyNode[]): { node: AnyNode; switchPath: ASTPath } {
  const { j, style } = run.ctx;
  const sw: AnyNode = path.node;
  const anchorCase = sw.cases[Math.min(index, sw.cases.length - 1)];
  const text = parsedText(run);
  const indent = text !== undefined && typeof anchorCase?.start === 'number' ? indentAt(text, anchorCase.start) : undefined;
  if (indent !== undefined) {
    const printed = added
      .map((c) => j(c).toSource({ quote: style.quote, useTabs: style.useTabs, tabWidth: style.tabWidth, trailingComma: style.trailingComma }))
      .join('\n')
      .split('\n')
      .join(`\n${indent}`);
    const insertion =
      index < sw.cases.length ? { at: anchorCase.start, text: `${printed}\n${indent}` } : { at: anchorCase.end, text: `\n${indent}${printed}` };
    const expected = [...sw.cases];
    expected.splice(index, 0, ...added);
    const same = (a: AnyNode, b: AnyNode) => sameTree(a, b);
    const fresh = reparseWithInsertions(run, path, [insertion], (f) =>
      same(f.discriminant, sw.discriminant) && f.cases.length === expected.length && f.cases.every((c: AnyNode, i: number) => same(c, expected[i])),
    );
    if (fresh) return { node: fresh.node.cases[index], switchPath: fresh.path };
  }
  sw.cases.splice(index, 0, ...added);
  return { node: added[0], switchPath: path };
}

/**
 * Markers about a whole switch go on its first case: a comment on the switch statement itself makes recast
 * reprint it, and recast prints cases flush against `switch`, whatever the file's layout.
 */
function firstCase(path: ASTPath): ASTPath {
  return (path.node as AnyNode).cases.length > 0 ? (path.get('cases', 0) as ASTPath) : path;
}
