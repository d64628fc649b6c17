/**
 * Minimal diffs, whatever the printer did: after printing, the lines of the output are lined up with the
 * lines of the input by what they say (whitespace that is not content ignored, nesting depth included),
 * and every line the migration did not change gets its original bytes back — indentation, spacing,
 * trailing whitespace, line ending. Lines the printer only re-flowed (joined or split without changing a
 * token) get the original lines back as a group. Lines that are really new get the indentation of their
 * neighbours in the original, so tabs stay tabs and an irregular indentation is followed where the code sits.
 *
 * Whitespace inside strings, template-literal text, regular expressions and JSX text is content: it is part
 * of the comparison, so a line inside a multi-line template literal is restored only when it is
 * byte-identical there, and no line is re-indented whose start is template text.
 */
import { diffArrays } from 'diff';
import { columnsOf, indentOf, joinedNorm, lineKey, shapeLines, type LineShape, type SourceToken } from './lines';

/** Edits beyond which the line diff gives up (the changed middle is then kept as printed). */
const MAX_EDITS = 4000;
/** Lines either side of a re-flowed group may span. */
const MAX_GROUP = 64;
/** How far a new line looks for a neighbour to take its indentation from. */
const MAX_LOOKAROUND = 400;

interface OutLine {
  text: string;
  /** Nesting depth, when known. */
  depth?: number;
  /** Indentation of the line as printed, in columns (anchors only). */
  printedColumns?: number;
  /** The indentation the line has in the output (anchors only). */
  indent?: string;
  /** A printed line that no input line matches. */
  fresh?: boolean;
  codeStart?: boolean;
}

export interface PreserveInput {
  original: string;
  originalTokens: readonly SourceToken[] | null;
  printed: string;
  printedTokens: readonly SourceToken[] | null;
  tabWidth: number;
  useTabs: boolean;
}

export type Hunk = { kind: 'equal'; a: number; b: number; count: number } | { kind: 'change'; a: number; aCount: number; b: number; bCount: number };

/** The printed text with the original bytes of every line the migration did not change. */
export function preserveUnchangedLines(input: PreserveInput): string {
  const a = shapeLines(input.original, input.originalTokens);
  const b = shapeLines(input.printed, input.printedTokens);
  const hunks = alignLines(a, b, 'tokens');
  const kept = keptPairs(a, b, hunks);
  const out: OutLine[] = [];
  for (const hunk of hunks) {
    if (hunk.kind === 'equal') {
      for (let k = 0; k < hunk.count; k++) {
        const bi = hunk.b + k;
        out.push(kept[bi] !== -1 ? anchor(a, kept[bi], b, bi, input.tabWidth) : freshLine(b, bi));
      }
    } else {
      restoreChange(a, b, hunk, out, input.tabWidth);
    }
  }
  reindentFresh(out, input.tabWidth, input.useTabs);
  return out.map((l) => l.text).join('\n');
}

/**
 * The lined-up pairs that also stand in the same block: the lines that opened the brackets around them
 * (and the lines that close what they open) are lined up with each other too, or were both rewritten in
 * the same change. Moved code can otherwise meet a line of another block that reads the same (a "},", a
 * "name: 'x',") and take its indentation. Returns, per printed line, its input line or -1.
 */
function keptPairs(a: LineShape, b: LineShape, hunks: readonly Hunk[]): Int32Array {
  const matchOfB = new Int32Array(b.lines.length).fill(-1);
  const matchOfA = new Int32Array(a.lines.length).fill(-1);
  const hunkOfA = new Int32Array(a.lines.length).fill(-1);
  const hunkOfB = new Int32Array(b.lines.length).fill(-1);
  hunks.forEach((hunk, h) => {
    if (hunk.kind === 'equal') {
      for (let k = 0; k < hunk.count; k++) {
        matchOfB[hunk.b + k] = hunk.a + k;
        matchOfA[hunk.a + k] = hunk.b + k;
      }
    } else {
      hunkOfA.fill(h, hunk.a, hunk.a + hunk.aCount);
      hunkOfB.fill(h, hunk.b, hunk.b + hunk.bCount);
    }
  });
  // Two lines rewritten in place: the same change holds them, at the same place from its start or its end.
  const rewrittenInPlace = (la: number, lb: number) => {
    const h = hunkOfA[la];
    if (h === -1 || h !== hunkOfB[lb] || matchOfB[lb] !== -1 || matchOfA[la] !== -1) return false;
    const hunk = hunks[h] as Extract<Hunk, { kind: 'change' }>;
    const samePlace = la - hunk.a === lb - hunk.b || hunk.a + hunk.aCount - la === hunk.b + hunk.bCount - lb;
    return samePlace && firstWord(a.norms[la]) === firstWord(b.norms[lb]);
  };
  const corresponds = (la: number, lb: number) =>
    la === -1 || lb === -1 ? la === lb : matchOfB[lb] === la || rewrittenInPlace(la, lb);
  // Dropping a pair can break the pairs inside it: repeat until nothing changes (a few rounds at most).
  for (let changed = true; changed; ) {
    changed = false;
    for (let bi = 0; bi < b.lines.length; bi++) {
      const ai = matchOfB[bi];
      if (ai === -1) continue;
      if (corresponds(a.parentOf[ai], b.parentOf[bi]) && corresponds(a.closerOf[ai], b.closerOf[bi])) continue;
      matchOfB[bi] = -1;
      matchOfA[ai] = -1;
      changed = true;
    }
  }
  return matchOfB;
}

const firstWord = (norm: string): string => /^[\w$]+|^\S?/.exec(norm)![0];

const freshLine = (b: LineShape, bi: number): OutLine => ({ text: b.lines[bi], depth: b.depths[bi], fresh: true, codeStart: b.codeStart[bi] });

function anchor(a: LineShape, ai: number, b: LineShape, bi: number, tabWidth: number): OutLine {
  const text = a.lines[ai];
  return { text, depth: a.depths[ai], printedColumns: columnsOf(indentOf(b.lines[bi]), tabWidth), indent: indentOf(text), codeStart: a.codeStart[ai] };
}

/**
 * Equal runs and changed hunks between two texts, lined up by line key (what the line says and its depth)
 * or by bytes: common ends first, then a bounded diff of the middle.
 */
export function alignLines(a: LineShape, b: LineShape, by: 'tokens' | 'bytes'): Hunk[] {
  const keysA = by === 'bytes' ? a.lines : a.lines.map((_, i) => lineKey(a, i));
  const keysB = by === 'bytes' ? b.lines : b.lines.map((_, i) => lineKey(b, i));
  let head = 0;
  while (head < keysA.length && head < keysB.length && keysA[head] === keysB[head]) head++;
  let tail = 0;
  while (tail < keysA.length - head && tail < keysB.length - head && keysA[keysA.length - 1 - tail] === keysB[keysB.length - 1 - tail]) tail++;
  const hunks: Hunk[] = [];
  if (head > 0) hunks.push({ kind: 'equal', a: 0, b: 0, count: head });
  const midA = keysA.slice(head, keysA.length - tail);
  const midB = keysB.slice(head, keysB.length - tail);
  if (midA.length > 0 || midB.length > 0) {
    const changes = midA.length > 0 && midB.length > 0 ? diffArrays(midA, midB, { maxEditLength: MAX_EDITS }) : undefined;
    if (!changes) {
      hunks.push({ kind: 'change', a: head, aCount: midA.length, b: head, bCount: midB.length });
    } else {
      hunks.push(...hunksOf(changes, head, head));
    }
  }
  if (tail > 0) hunks.push({ kind: 'equal', a: keysA.length - tail, b: keysB.length - tail, count: tail });
  return hunks;
}

/** The equal runs and changed hunks of a `diffArrays` result whose first lines are at `aStart` / `bStart`. */
export function hunksOf(changes: ReadonlyArray<{ count?: number; value: unknown[]; added?: boolean; removed?: boolean }>, aStart: number, bStart: number): Hunk[] {
  const hunks: Hunk[] = [];
  let ai = aStart;
  let bi = bStart;
  let pending: Extract<Hunk, { kind: 'change' }> | null = null;
  for (const change of changes) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      if (pending) hunks.push(pending);
      pending = null;
      hunks.push({ kind: 'equal', a: ai, b: bi, count });
      ai += count;
      bi += count;
      continue;
    }
    pending ??= { kind: 'change', a: ai, aCount: 0, b: bi, bCount: 0 };
    if (change.removed) {
      pending.aCount += count;
      ai += count;
    } else {
      pending.bCount += count;
      bi += count;
    }
  }
  if (pending) hunks.push(pending);
  return hunks;
}

/** A group of input lines and a group of printed lines that read the same (a re-flow), from either end of a hunk. */
export interface Group {
  a: number;
  aCount: number;
  b: number;
  bCount: number;
}

export interface SplitChange {
  /** Re-flowed groups at the start and at the end of the hunk. */
  front: Group[];
  back: Group[];
  /** The printed lines between them: really changed. */
  bFrom: number;
  bTo: number;
}

/** Splits a changed hunk into re-flowed groups at either end and the really changed printed lines between. */
export function splitChange(a: LineShape, b: LineShape, hunk: Extract<Hunk, { kind: 'change' }>): SplitChange {
  const front: Group[] = [];
  const back: Group[] = [];
  let aFrom = hunk.a;
  let bFrom = hunk.b;
  let aTo = hunk.a + hunk.aCount;
  let bTo = hunk.b + hunk.bCount;
  for (let g = matchGroup(a, b, aFrom, aTo, bFrom, bTo, 1); g; g = matchGroup(a, b, aFrom, aTo, bFrom, bTo, 1)) {
    front.push(g);
    aFrom += g.aCount;
    bFrom += g.bCount;
  }
  for (let g = matchGroup(a, b, aFrom, aTo, bFrom, bTo, -1); g; g = matchGroup(a, b, aFrom, aTo, bFrom, bTo, -1)) {
    back.unshift(g);
    aTo -= g.aCount;
    bTo -= g.bCount;
  }
  return { front, back, bFrom, bTo };
}

/** Re-flowed groups get their original lines back; the really changed lines stay as printed (fresh). */
function restoreChange(a: LineShape, b: LineShape, hunk: Extract<Hunk, { kind: 'change' }>, out: OutLine[], tabWidth: number): void {
  const { front, back, bFrom, bTo } = splitChange(a, b, hunk);
  const pushGroup = (g: Group) => {
    out.push(anchor(a, g.a, b, g.b, tabWidth));
    for (let k = 1; k < g.aCount; k++) out.push({ text: a.lines[g.a + k], depth: a.depths[g.a + k], codeStart: a.codeStart[g.a + k] });
  };
  front.forEach(pushGroup);
  for (let i = bFrom; i < bTo; i++) out.push(freshLine(b, i));
  back.forEach(pushGroup);
}

/**
 * The smallest group at one end of the ranges whose input lines and printed lines read the same once joined
 * (and start at the same depth), or null.
 */
function matchGroup(a: LineShape, b: LineShape, aFrom: number, aTo: number, bFrom: number, bTo: number, direction: 1 | -1): Group | null {
  if (aFrom >= aTo || bFrom >= bTo) return null;
  let na = 1;
  let nb = 1;
  const slice = (shape: LineShape, from: number, to: number, n: number) => (direction === 1 ? joinedNorm(shape, from, from + n) : joinedNorm(shape, to - n, to));
  while (na <= MAX_GROUP && nb <= MAX_GROUP && na <= aTo - aFrom && nb <= bTo - bFrom) {
    const sa = slice(a, aFrom, aTo, na);
    const sb = slice(b, bFrom, bTo, nb);
    if (sa === sb) {
      const ga = direction === 1 ? aFrom : aTo - na;
      const gb = direction === 1 ? bFrom : bTo - nb;
      if (a.depths[ga] !== b.depths[gb]) return null;
      return { a: ga, aCount: na, b: gb, bCount: nb };
    }
    const prefix = direction === 1 ? (x: string, y: string) => x.startsWith(y) : (x: string, y: string) => x.endsWith(y);
    if (sa.length < sb.length && prefix(sb, sa)) na++;
    else if (sb.length < sa.length && prefix(sa, sb)) nb++;
    else return null;
  }
  return null;
}

/**
 * Gives each new line the indentation of the code around it in the original: the nearest line at the same
 * depth (above, else below within the same block), or else the line that opens its block, plus the extra
 * columns the printer put between them — as tabs where that line is indented with tabs.
 */
function reindentFresh(out: OutLine[], tabWidth: number, useTabs: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const line = out[i];
    if (!line.fresh || line.depth === undefined || !line.codeStart || line.text.trim() === '') continue;
    const printedIndent = indentOf(line.text);
    const columns = columnsOf(printedIndent, tabWidth);
    const base = neighbour(out, i, line.depth);
    line.printedColumns = columns;
    if (!base) {
      line.indent = printedIndent;
      continue;
    }
    const indent = shiftIndent(base.indent!, columns - base.printedColumns!, tabWidth, useTabs);
    line.indent = indent ?? printedIndent;
    line.text = line.indent + line.text.slice(printedIndent.length);
  }
}

function neighbour(out: OutLine[], i: number, depth: number): OutLine | null {
  const usable = (l: OutLine) => l.indent !== undefined && l.printedColumns !== undefined && l.codeStart !== false && l.text.trim() !== '';
  let parent: OutLine | null = null;
  for (let k = i - 1; k >= 0 && k >= i - MAX_LOOKAROUND; k--) {
    const l = out[k];
    if (l.depth === undefined || l.text.trim() === '') continue;
    if (l.depth < depth) {
      if (usable(l)) parent = l;
      break;
    }
    if (l.depth === depth && usable(l)) return l;
  }
  for (let k = i + 1; k < out.length && k <= i + MAX_LOOKAROUND; k++) {
    const l = out[k];
    if (l.depth === undefined || l.text.trim() === '') continue;
    if (l.depth < depth) break;
    if (l.depth === depth && !l.fresh && usable(l)) return l;
  }
  return parent;
}

/** An indentation moved by some columns in the style it is written in (null when it cannot be). */
function shiftIndent(indent: string, delta: number, tabWidth: number, useTabs: boolean): string | null {
  if (delta === 0) return indent;
  const tabs = indent.includes('\t') || (indent === '' && useTabs);
  if (delta > 0) return tabs ? indent + '\t'.repeat(Math.max(1, Math.round(delta / tabWidth))) : indent + ' '.repeat(delta);
  const remove = -delta;
  if (!tabs && indent.length >= remove && /^ *$/.test(indent.slice(indent.length - remove))) return indent.slice(0, indent.length - remove);
  const tabCount = Math.max(1, Math.round(remove / tabWidth));
  if (tabs && indent.endsWith('\t'.repeat(tabCount))) return indent.slice(0, indent.length - tabCount);
  return null;
}
