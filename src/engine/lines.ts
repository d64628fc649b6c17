/**
 * The lines of a source text seen through its tokens: what each line says once the whitespace that is
 * not content is taken away, and how deeply it is nested. Two lines with the same key differ at most in
 * whitespace that does not change the program: indentation, spaces between tokens, trailing whitespace,
 * whitespace inside comments. Whitespace inside strings, template-literal text, regular expressions and
 * JSX text is content and stays in the key as written.
 */

/** A token as @babel/parser reports it (comments come as tokens too when `tokens: true`). */
export interface SourceToken {
  type: string | { label: string };
  start: number;
  end: number;
}

const CODE = 0;
/** Bytes that are data: strings, template text, regular expressions, JSX text. */
const VERBATIM = 1;
const COMMENT = 2;

const VERBATIM_LABELS = new Set(['string', 'template', 'regexp', 'jsxText']);

export interface LineShape {
  /** The lines, each without its `\n` (a `\r` before it stays on the line). */
  lines: string[];
  /** Offset of each line's first character in the text. */
  starts: number[];
  /** Each line without the whitespace that is not content. */
  norms: string[];
  /** Bracket depth at the start of each line, less the closing brackets the line starts with. */
  depths: number[];
  /** Whether the line starts in code (its leading whitespace is indentation, not data). */
  codeStart: boolean[];
  /** Whether the line break that ends the line is part of a template literal's text. */
  breakIsData: boolean[];
  /** The line that opened the innermost bracket still open where the line starts (else -1). */
  parentOf: number[];
  /** For a line that leaves a bracket open: the line that first closes one of its brackets (else -1). */
  closerOf: number[];
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\w$\u0080-\uffff]/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff';

/** Marks every character of the text as code, data or comment, from the parser's tokens (all code without them). */
function classify(text: string, tokens: readonly SourceToken[] | null): Uint8Array {
  const mask = new Uint8Array(text.length);
  if (!tokens) return mask;
  for (const token of tokens) {
    const label = typeof token.type === 'string' ? token.type : token.type.label;
    const kind = VERBATIM_LABELS.has(label) ? VERBATIM : label === 'CommentLine' || label === 'CommentBlock' ? COMMENT : CODE;
    if (kind !== CODE) mask.fill(kind, token.start, Math.min(token.end, text.length));
  }
  return mask;
}

/**
 * The shape of every line of `text`. Without tokens every character counts as code (a cheap reading for
 * comparisons that need no parse; brackets in strings then count towards the depth).
 */
export function shapeLines(text: string, tokens: readonly SourceToken[] | null): LineShape {
  const mask = classify(text, tokens);
  const lines = text.split('\n');
  const starts: number[] = [];
  const norms: string[] = [];
  const depths: number[] = [];
  const codeStart: boolean[] = [];
  const breakIsData: boolean[] = [];
  const parentOf: number[] = [];
  const closerOf: number[] = new Array<number>(lines.length).fill(-1);
  const open: number[] = [];
  let depth = 0;
  let index = -1;
  let offset = 0;
  for (const line of lines) {
    index++;
    starts.push(offset);
    parentOf.push(open.at(-1) ?? -1);
    codeStart.push(mask[offset] !== VERBATIM || line.length === 0);
    let norm = '';
    let pendingSpace = false;
    let leadingClosers = 0;
    let leading = true;
    const startDepth = depth;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      const kind = mask[offset + i];
      if (kind === VERBATIM) {
        if (pendingSpace && isWordChar(norm.at(-1)) && isWordChar(c)) norm += ' ';
        pendingSpace = false;
        norm += c;
        leading = false;
        continue;
      }
      if (isSpace(c)) {
        pendingSpace = norm.length > 0;
        continue;
      }
      if (pendingSpace && ((isWordChar(norm.at(-1)) && isWordChar(c)) || ((c === '+' || c === '-') && norm.at(-1) === c))) norm += ' ';
      pendingSpace = false;
      norm += c;
      if (kind === CODE) {
        if (c === '(' || c === '[' || c === '{') {
          depth++;
          open.push(index);
        } else if (c === ')' || c === ']' || c === '}') {
          depth--;
          const opener = open.pop();
          if (opener !== undefined && opener < index && closerOf[opener] === -1) closerOf[opener] = index;
          if (leading) leadingClosers++;
          continue;
        }
      }
      leading = false;
    }
    // The depth the line was at when it started, less the brackets it opens by closing (`}` and `})`).
    depths.push(startDepth - leadingClosers);
    norms.push(norm);
    breakIsData.push(offset + line.length < text.length && mask[offset + line.length] === VERBATIM);
    offset += line.length + 1;
  }
  return { lines, starts, norms, depths, codeStart, breakIsData, parentOf, closerOf };
}

/** The key two lines share when they differ only in whitespace that is not content, at the same depth. */
export const lineKey = (shape: LineShape, i: number): string => `${shape.depths[i]}\u0000${shape.norms[i]}`;

/** Lines `from`..`to` (exclusive) read as one: a line break counts as whitespace unless it is data. */
export function joinedNorm(shape: LineShape, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const norm = shape.norms[i];
    if (i > from) {
      if (shape.breakIsData[i - 1]) out += '\n';
      else if (isWordChar(out.at(-1)) && isWordChar(norm[0])) out += ' ';
    }
    out += norm;
  }
  return out;
}

/** The leading whitespace of a line. */
export const indentOf = (line: string): string => /^[ \t]*/.exec(line)![0];

/** Columns of an indentation, a tab reaching the next multiple of `tabWidth`. */
export function columnsOf(indent: string, tabWidth: number): number {
  let columns = 0;
  for (const ch of indent) columns = ch === '\t' ? columns + tabWidth - (columns % tabWidth) : columns + 1;
  return columns;
}
