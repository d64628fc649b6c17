/**
 * The churn check: how many lines of a rewrite changed, and how many of them changed only in whitespace
 * (indentation, spacing, trailing whitespace, line endings, or lines joined or split without changing a
 * token). Whitespace-only lines are noise in a review; a minimal rewrite has none outside what it rewrote.
 */
import { shapeLines } from './lines';
import { alignLines, splitChange } from './preserve';

export interface Churn {
  /** Lines of `after` that are not byte-identical to the line of `before` they stand for (a diff's `+` lines). */
  changed: number;
  /** Of those, the lines whose only change is whitespace. */
  whitespaceOnly: number;
  /** 1-based numbers in `after` of the whitespace-only lines. */
  lines: number[];
}

/**
 * Compares two versions of a file line by line, without parsing them: whitespace inside strings counts as
 * whitespace here too, so the count errs towards reporting churn.
 */
export function whitespaceOnlyChanges(before: string, after: string): Churn {
  const a = shapeLines(before, null);
  const b = shapeLines(after, null);
  const churn: Churn = { changed: 0, whitespaceOnly: 0, lines: [] };
  const noise = (line: number) => {
    churn.changed++;
    churn.whitespaceOnly++;
    churn.lines.push(line + 1);
  };
  for (const hunk of alignLines(a, b, false)) {
    if (hunk.kind === 'equal') {
      for (let k = 0; k < hunk.count; k++) if (a.lines[hunk.a + k] !== b.lines[hunk.b + k]) noise(hunk.b + k);
      continue;
    }
    const { front, back, bFrom, bTo } = splitChange(a, b, hunk);
    for (const group of [...front, ...back]) {
      const same = group.aCount === group.bCount && a.lines.slice(group.a, group.a + group.aCount).every((l, k) => l === b.lines[group.b + k]);
      if (!same) for (let k = 0; k < group.bCount; k++) noise(group.b + k);
    }
    churn.changed += bTo - bFrom;
  }
  churn.lines.sort((x, y) => x - y);
  return churn;
}
