import type { FileStyle } from './types';

const BOM = '\uFEFF';

/** Splits a leading byte-order mark from the text. */
export function stripBom(source: string): { text: string; bom: boolean } {
  return source.startsWith(BOM) ? { text: source.slice(1), bom: true } : { text: source, bom: false };
}

export function restoreBom(text: string, bom: boolean): string {
  return bom ? BOM + text : text;
}

/**
 * Blanks a `#!` line (keeping line numbers): recast would otherwise glue it to a reprinted first statement.
 */
export function stripShebang(text: string): { text: string; shebang: string | null } {
  if (!text.startsWith('#!')) return { text, shebang: null };
  const end = text.search(/\r?\n|$/);
  return { text: text.slice(end), shebang: text.slice(0, end) };
}

/** Puts the `#!` line back on the first line of the printed text. */
export function restoreShebang(text: string, shebang: string | null, eol: string): string {
  if (shebang === null) return text;
  return text.startsWith(eol) ? shebang + text : shebang + eol + text;
}

/** The line ending most lines of the file use. */
export function detectLineTerminator(text: string): '\n' | '\r\n' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** Rewrites every line ending in `text` to `eol` (recast prints new nodes with `\n`). */
export function normalizeLineEndings(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/**
 * The quote style of the file: the opening quote of string literals, counted on a
 * cheap scan of the source (comments and template literals may add noise; ties go to single).
 */
export function detectQuote(text: string): 'single' | 'double' {
  let single = 0;
  let double = 0;
  // A quote that opens a literal follows a token boundary such as ( [ , = : or whitespace.
  const re = /(^|[\s([{,=:?!&|+])(['"])/gm;
  for (const m of text.matchAll(re)) {
    if (m[2] === "'") single++;
    else double++;
  }
  return double > single ? 'double' : 'single';
}

/**
 * Indentation: tabs or spaces, and the most common step between indentation levels, read off the code
 * lines. `notCode` holds the 1-based numbers of lines that start inside template-literal text or a block
 * comment: their leading whitespace is data or decoration, not the file's indentation.
 */
export function detectIndent(text: string, notCode: ReadonlySet<number> = new Set()): { useTabs: boolean; tabWidth: number } {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  let number = 0;
  for (const line of text.split(/\r?\n/)) {
    number++;
    if (line.trim() === '' || notCode.has(number)) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.startsWith('\t')) tabs++;
    else if (lead.length > 0) spaces++;
    if (!lead.includes('\t')) {
      const step = Math.abs(lead.length - previous);
      if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
      previous = lead.length;
    }
  }
  let tabWidth = 2;
  let best = 0;
  for (const [step, count] of steps) {
    if (count > best) {
      best = count;
      tabWidth = step;
    }
  }
  const useTabs = tabs > spaces;
  // recast measures a tab as 4 columns when it parses (jscodeshift passes no tabWidth); printing
  // with another width would change the depth of every reprinted tab-indented line.
  return { useTabs, tabWidth: useTabs ? 4 : tabWidth };
}

/** A multi-line object or array literal: where its last element ends and where the literal ends. */
export interface LiteralSpan {
  lastElementEnd: number;
  end: number;
}

/**
 * Whether multi-line object and array literals end with a trailing comma, read off the parsed literals
 * (text between the last element and the closing bracket). Null when the file has no such literal.
 */
export function detectTrailingComma(text: string, literals: readonly LiteralSpan[]): boolean | null {
  let withComma = 0;
  let without = 0;
  for (const { lastElementEnd, end } of literals) {
    if (text.slice(lastElementEnd, end - 1).includes(',')) withComma++;
    else without++;
  }
  if (withComma + without === 0) return null;
  return withComma >= without;
}

/**
 * The file's style. Trailing commas are read from the parsed multi-line literals and from calls whose
 * arguments are broken over lines (each falls back to the other when the file has none of its kind).
 */
export function detectStyle(
  text: string,
  bom: boolean,
  literals: readonly LiteralSpan[] = [],
  argumentLists: readonly LiteralSpan[] = [],
  notCode: ReadonlySet<number> = new Set(),
): FileStyle {
  const inLiterals = detectTrailingComma(text, literals);
  const inArguments = detectTrailingComma(text, argumentLists);
  return {
    quote: detectQuote(text),
    ...detectIndent(text, notCode),
    trailingComma: inLiterals ?? inArguments ?? false,
    trailingCommaInArguments: inArguments ?? inLiterals ?? false,
    lineTerminator: detectLineTerminator(text),
    bom,
  };
}

/** A token with its lines, as recast keeps them on the parsed File (line numbers fit the text as written). */
interface LinedToken {
  type: string | { label: string };
  loc?: { start: { line: number }; end: { line: number } };
}

/**
 * The 1-based numbers of the lines that start inside template-literal text or a block comment, from the
 * tokens of the parsed file.
 */
export function nonCodeLines(tokens: readonly LinedToken[] | null | undefined): Set<number> {
  const lines = new Set<number>();
  for (const token of tokens ?? []) {
    const label = typeof token.type === 'string' ? token.type : token.type.label;
    if ((label !== 'template' && label !== 'CommentBlock') || !token.loc) continue;
    for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line++) lines.add(line);
  }
  return lines;
}
