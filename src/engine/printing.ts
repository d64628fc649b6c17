/**
 * Printing fixes on top of recast, one job each: keep the layout the file was written in where recast
 * would change it, and never let printing change a string. The engine calls them around each print.
 */
import type { ASTPath, Collection, JSCodeshift, Node, TemplateLiteral } from 'jscodeshift';
import type { SourceToken } from './lines';
import { findEach } from './find';
import type { LiteralSpan } from './style';

/**
 * What the fixes before a print work on, found in one walk: the import declarations (keepMultilineImports)
 * and the template literals (lockTemplateLiterals). Neither fix touches what the other works on.
 */
export function beforePrint(j: JSCodeshift, root: Collection, quote: 'single' | 'double'): void {
  const [imports, templates] = findEach(root, [j.ImportDeclaration, j.TemplateLiteral]);
  keepMultilineImports(j, imports!, quote);
  lockTemplateLiterals(j, templates as ASTPath<TemplateLiteral>[]);
}

/**
 * recast re-indents the lines of a node it moves to a new depth — inside a multi-line template literal
 * that would change the string. A template literal recast prints itself has its lines locked against
 * that, so every multi-line one is handed over as a fresh node (same raw text, same expressions).
 */
export function lockTemplateLiterals(j: JSCodeshift, templates: readonly ASTPath<TemplateLiteral>[]): void {
  templates.forEach((path) => {
    const node = path.node;
    if (!node.quasis.some((q) => /[\r\n]/.test(q.value.raw))) return;
    const fresh = j.templateLiteral(
      node.quasis.map((q) => j.templateElement({ raw: q.value.raw, cooked: q.value.cooked ?? null }, q.tail)),
      node.expressions,
    );
    path.replace(fresh);
  });
}

/** The raw text of every template-literal part that spans lines, as a multiset (read off the tokens). */
function multilineTemplateParts(text: string, tokens: readonly SourceToken[] | null): Map<string, number> {
  const parts = new Map<string, number>();
  if (!tokens || !text.includes('`')) return parts;
  for (const token of tokens) {
    if ((typeof token.type === 'string' ? token.type : token.type.label) !== 'template') continue;
    const raw = text.slice(token.start, token.end).replace(/\r\n/g, '\n');
    if (raw.includes('\n')) parts.set(raw, (parts.get(raw) ?? 0) + 1);
  }
  return parts;
}

/** A template part with the indentation of its lines taken away (what a re-indented copy shares). */
const unindented = (raw: string): string => raw.replace(/\n[ \t]+/g, '\n');

/**
 * The last safety net: a multi-line template part in the output that equals one of the input's but for
 * the indentation of its lines is that part moved by the printer — its string changed. The file is then
 * reported as failed rather than written. (Parts a codemod writes anew have no such twin.)
 */
export function checkTemplateTexts(
  before: string,
  beforeTokens: readonly SourceToken[] | null,
  after: string,
  afterTokens: readonly SourceToken[] | null,
  filePath: string,
): void {
  const original = multilineTemplateParts(before, beforeTokens);
  if (original.size === 0) return;
  const shapes = new Set([...original.keys()].map(unindented));
  for (const raw of multilineTemplateParts(after, afterTokens).keys()) {
    if (!original.has(raw) && shapes.has(unindented(raw))) {
      throw new Error(`${filePath}: the rewrite would change the text of a multi-line template literal (${JSON.stringify(raw.slice(0, 40))}…); the file is left as it is`);
    }
  }
}

/**
 * recast prints an import whose specifier list changed on one line. An import the file wrote one specifier
 * per line is rebuilt in that layout (its indentation and trailing comma) and parsed back, so recast prints
 * it from that text.
 */
export function keepMultilineImports(j: JSCodeshift, imports: readonly ASTPath[], quote: 'single' | 'double'): void {
  imports.forEach((path) => {
    const node = path.node as Node & { loc?: AnyLoc; original?: { specifiers?: unknown[] }; specifiers?: Node[]; importKind?: string; comments?: unknown[] };
    const original = node.original;
    const loc = node.loc;
    if (!original || !loc?.lines || loc.start.line === loc.end.line || !node.specifiers?.length) return;
    const before = original.specifiers ?? [];
    if (before.length === node.specifiers.length && before.every((s, i) => s === (node.specifiers![i] as { original?: unknown }).original)) return;
    if (!node.specifiers.every((s) => s.type === 'ImportSpecifier')) return;
    const text = String(loc.lines.slice(loc.start, loc.end).toString());
    const lines = text.split(/\r?\n/);
    const indent = /^[ \t]*/.exec(lines[1] ?? '')![0];
    if (!indent) return;
    const trailing = /,\s*\}/.test(text);
    const specifiers = node.specifiers.map((s) => indent + j(s as never).toSource({ quote }));
    const kind = node.importKind === 'type' ? 'type ' : '';
    const from = j((node as unknown as { source: Node }).source as never).toSource({ quote });
    const semicolon = text.trimEnd().endsWith(';') ? ';' : '';
    const rebuilt = `import ${kind}{\n${specifiers.join(',\n')}${trailing ? ',' : ''}\n} from ${from}${semicolon}`;
    // Leading comments go into the rebuilt text (recast prints a node with foreign comments afresh).
    const comments = (node.comments ?? []) as Array<{ leading?: boolean; loc?: AnyLoc }>;
    if (comments.some((c) => !c.leading || !c.loc)) return;
    const commentText = comments.length > 0 ? String(loc.lines.slice(comments[0].loc!.start, loc.start).toString()) : '';
    path.replace(j.template.statement([commentText + rebuilt]));
  });
}

type AnyLoc = { lines?: { slice(a: unknown, b: unknown): { toString(): string } }; start: { line: number }; end: { line: number } };

/**
 * recast builds some reprinted indentation from spaces even with `useTabs` (its line-joining ignores the
 * option): in a tab-indented file, lines that are new and start with such space runs get tabs. Lines the
 * original file has, and lines inside template literals or JSX text (where whitespace is content), are
 * never touched.
 */
export function retabPrinted(j: JSCodeshift, printed: string, original: string, tabWidth: number): string {
  const lines = printed.split('\n');
  const originalLines = new Set(original.split('\n').map((l) => l.replace(/\r$/, '')));
  const mixed = (line: string) => {
    const lead = /^[\t ]*/.exec(line)![0];
    return lead.includes(' '.repeat(tabWidth)) && !originalLines.has(line.replace(/\r$/, ''));
  };
  if (!lines.some(mixed)) return printed;
  const verbatim = new Set<number>();
  const protect = (node: Spanned) => {
    if (!node.loc) return;
    for (let line = node.loc.start.line + 1; line <= node.loc.end.line; line++) verbatim.add(line);
  };
  const tree = j(printed);
  tree.find(j.TemplateLiteral).forEach((p) => protect(p.node as Spanned));
  tree.find(j.JSXText).forEach((p) => protect(p.node as Spanned));
  return lines
    .map((line, i) => {
      if (verbatim.has(i + 1) || !mixed(line)) return line;
      const lead = /^[\t ]*/.exec(line)![0];
      let columns = 0;
      for (const ch of lead) columns = ch === '\t' ? columns + tabWidth - (columns % tabWidth) : columns + 1;
      return '\t'.repeat(Math.floor(columns / tabWidth)) + ' '.repeat(columns % tabWidth) + line.slice(lead.length);
    })
    .join('\n');
}

type Spanned = Node & { start?: number; end?: number; loc?: { start: { line: number }; end: { line: number } } };

/**
 * Multi-line object and array literals, and calls with arguments broken over lines, of the file as it was
 * written: where their last element ends and where they end, for trailing-comma detection.
 */
export function multilineLists(j: JSCodeshift, root: Collection): [LiteralSpan[], LiteralSpan[]] {
  const literals: LiteralSpan[] = [];
  const argumentLists: LiteralSpan[] = [];
  const add = (into: LiteralSpan[], node: Spanned, last: Spanned | null | undefined) => {
    if (!last || node.end == null || last.end == null || !node.loc || !last.loc) return;
    // The closing bracket must stand on a later line than the last element.
    if ((last.loc as { end: { line: number } }).end.line === node.loc.end.line) return;
    into.push({ lastElementEnd: last.end, end: node.end });
  };
  // One walk for the four kinds (the counts are all that matter, not the order).
  const [objects, arrays, calls, news] = findEach(root, [j.ObjectExpression, j.ArrayExpression, j.CallExpression, j.NewExpression]);
  for (const p of objects!) add(literals, p.node as Spanned, (p.node as { properties: unknown[] }).properties.at(-1) as Spanned | undefined);
  for (const p of arrays!) add(literals, p.node as Spanned, (p.node as { elements: unknown[] }).elements.at(-1) as Spanned | null | undefined);
  for (const p of [...calls!, ...news!]) add(argumentLists, p.node as Spanned, (p.node as { arguments: unknown[] }).arguments.at(-1) as Spanned | undefined);
  return [literals, argumentLists];
}
