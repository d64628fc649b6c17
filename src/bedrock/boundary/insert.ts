/**
 * Writes a boundary helper into the file once (with the helpers it calls) and returns its name.
 *
 * API (stable): `ensureBoundaryHelper(ctx, name, source)`: `source(name)` gives the helper's text (see
 * to-converse.ts / to-anthropic.ts). The helper goes at the end of the file (function declarations are
 * hoisted), unless a top-level function of that name is already there (a second run, or the user's own).
 */
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from '../../ast/bedrock';

/** The runtime module's InvokeModel names a gateway helper's text uses (both destinations). */
export const INVOKE_TYPE_NAMES = [
  'BedrockRuntimeClient',
  'BedrockRuntime',
  'InvokeModelCommand',
  'InvokeModelCommandInput',
  'InvokeModelCommandOutput',
  'InvokeModelWithResponseStreamCommand',
  'InvokeModelWithResponseStreamCommandOutput',
] as const;

/** Those names as the file can write them (`InvokeModelCommand` or `br.InvokeModelCommand`); TS only. */
export type InvokeTypeNames = Record<(typeof INVOKE_TYPE_NAMES)[number], string>;

/**
 * Type names as the file can write them (`Message` or `br.Message`) for a helper's text, each resolved by
 * `resolve` (which imports it) only when the text names it: getters, so unused types are never imported.
 */
export function lazyTypeNames<K extends string>(names: readonly K[], resolve: (name: K) => string): Record<K, string> {
  const types = {} as Record<K, string>;
  for (const name of names) Object.defineProperty(types, name, { get: () => resolve(name), enumerable: true });
  return types;
}

export function hasTopLevelFunction(ctx: CodemodContext, name: string): boolean {
  const body: AnyNode[] = (ctx.root.get().node.program ?? ctx.root.get().node).body;
  return body.some((s) => {
    const d = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    return d?.type === 'FunctionDeclaration' && d.id?.name === name;
  });
}

export function ensureBoundaryHelper(
  ctx: CodemodContext,
  name: string,
  source: (name: string) => string,
  dependencies: (name: string) => string[] = () => [],
): string {
  const missing: string[] = [];
  const visit = (n: string): void => {
    if (missing.includes(n) || hasTopLevelFunction(ctx, n)) return;
    missing.push(n);
    for (const dep of dependencies(n)) visit(dep);
  };
  visit(name);
  if (missing.length === 0) return name;
  // One parse for every helper, so the printed file keeps their blank lines between them.
  const program: AnyNode = ctx.root.get().node.program ?? ctx.root.get().node;
  let text = missing.map(source).join('\n\n');
  // The helpers' strings hold no quote of the other kind: the file's quote style applies as is.
  if (ctx.style.quote === 'single') text = text.replace(/"/g, "'");
  const parsed: AnyNode = ctx.j(text).get().node;
  keepDirectives(ctx, program);
  for (const s of (parsed.program ?? parsed).body) {
    // Without a location of its own, recast sets each helper apart with a blank line; its inner nodes
    // keep the text they were parsed from.
    delete s.loc;
    delete s.start;
    delete s.end;
    program.body.push(s);
  }
  return name;
}

/**
 * recast reprints a program whose body changed with a doubled `;` after each directive (`'use strict'`):
 * the directives become the plain statements they are in the source first.
 */
function keepDirectives(ctx: CodemodContext, program: AnyNode): void {
  if (!program.directives?.length) return;
  const statements = program.directives.map((d: AnyNode) => {
    const literal: AnyNode = ctx.j.literal(d.value.value);
    // The directive keeps its own quotes (`"use strict"` in a file whose other strings use single quotes).
    const raw = typeof d.value.start === 'number' ? ctx.file.source.slice(d.value.start, d.value.end) : d.value.extra?.raw;
    if (typeof raw === 'string' && /^(["']).*\1$/s.test(raw)) literal.extra = { raw, rawValue: d.value.value };
    const statement: AnyNode = ctx.j.expressionStatement(literal);
    Object.assign(statement, { loc: d.loc, start: d.start, end: d.end, comments: d.comments });
    return statement;
  });
  program.directives = [];
  program.body.unshift(...statements);
}
