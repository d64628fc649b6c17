/**
 * The churn check: how many lines of a rewrite changed, and how many of them changed only in whitespace
 * (indentation, spacing, trailing whitespace, line endings, or lines joined or split without changing a
 * token). Whitespace-only lines are noise in a review; a minimal rewrite has none.
 */
import { diffArrays } from 'diff';
import { shapeLines, type LineShape, type SourceToken } from './lines';
import { parserFor, tokenize } from './parse';
import { alignLines, hunksOf, splitChange } from './preserve';

export interface Churn {
  /** Lines of `after` that a line diff marks as added (not byte-identical to a line of `before` it keeps). */
  changed: number;
  /** Of those, the lines whose only change is whitespace (same tokens, same nesting depth). */
  whitespaceOnly: number;
  /** 1-based numbers in `after` of the whitespace-only lines. */
  lines: number[];
}

/** Hunks larger than this are not searched for whitespace-only pairs (they count as changed). */
const MAX_HUNK_EDITS = 2000;

/**
 * Compares two versions of a file as a reviewer reads its diff: first line by line, byte for byte; then,
 * inside each changed hunk, which added lines say the same as a removed line at the same nesting depth
 * (code moved into a new block is a change, not churn). With the file's path, scripts are tokenized so
 * that whitespace inside strings and template text counts as content; without it, every bracket counts.
 */
export function whitespaceOnlyChanges(before: string, after: string, filePath?: string): Churn {
  const parser = filePath ? parserFor(filePath) : null;
  const tokens = (text: string): SourceToken[] | null => {
    if (!parser) return null;
    try {
      return tokenize(parser, text);
    } catch {
      return null;
    }
  };
  const a = shapeLines(before, tokens(before));
  const b = shapeLines(after, tokens(after));
  const churn: Churn = { changed: 0, whitespaceOnly: 0, lines: [] };
  const exact = alignLines(a, b, 'bytes');
  for (const hunk of exact) {
    if (hunk.kind === 'equal') continue;
    churn.changed += hunk.bCount;
    if (hunk.aCount === 0 || hunk.bCount === 0) continue;
    for (const line of whitespaceOnlyIn(a, b, hunk.a, hunk.aCount, hunk.b, hunk.bCount)) churn.lines.push(line + 1);
  }
  churn.whitespaceOnly = churn.lines.length;
  churn.lines.sort((x, y) => x - y);
  return churn;
}

/** Printed lines of one changed hunk that match a removed line (or a re-flowed group) but for whitespace. */
function whitespaceOnlyIn(a: LineShape, b: LineShape, aFrom: number, aCount: number, bFrom: number, bCount: number): number[] {
  const key = (s: LineShape, i: number) => `${s.depths[i]}\u0000${s.norms[i]}`;
  const keysA = Array.from({ length: aCount }, (_, k) => key(a, aFrom + k));
  const keysB = Array.from({ length: bCount }, (_, k) => key(b, bFrom + k));
  const changes = diffArrays(keysA, keysB, { maxEditLength: MAX_HUNK_EDITS });
  if (!changes) return [];
  const found: number[] = [];
  for (const hunk of hunksOf(changes, aFrom, bFrom)) {
    if (hunk.kind === 'equal') {
      for (let k = 0; k < hunk.count; k++) if (a.lines[hunk.a + k] !== b.lines[hunk.b + k]) found.push(hunk.b + k);
    } else if (hunk.aCount > 0 && hunk.bCount > 0) {
      const { front, back } = splitChange(a, b, hunk);
      for (const g of [...front, ...back]) for (let k = 0; k < g.bCount; k++) found.push(g.b + k);
    }
  }
  return found;
}
