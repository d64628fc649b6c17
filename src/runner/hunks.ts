import { diffLines } from 'diff';

/** One line of a hunk: ' ' context, '-' removed, '+' added; `text` is the line without its ending. */
export interface HunkLine {
  op: ' ' | '-' | '+';
  text: string;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: HunkLine[];
  /** Indexes of the change groups (see `changeGroups`) this hunk shows. */
  groups: number[];
}

/** A run of removed and added lines at one place; the unit that can be accepted or rejected. */
interface Segment {
  kind: 'same' | 'change';
  oldLines: string[];
  newLines: string[];
}

/** Splits text into lines that keep their own line ending, so CRLF survives any partial application. */
function splitKeepingEol(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** The diff of two texts as alternating unchanged runs and change groups. */
function segments(oldText: string, newText: string): Segment[] {
  const parts = diffLines(oldText, newText);
  const out: Segment[] = [];
  for (const part of parts) {
    const lines = splitKeepingEol(part.value);
    if (!part.added && !part.removed) {
      out.push({ kind: 'same', oldLines: lines, newLines: lines });
      continue;
    }
    let last = out[out.length - 1];
    if (!last || last.kind !== 'change') {
      last = { kind: 'change', oldLines: [], newLines: [] };
      out.push(last);
    }
    if (part.removed) last.oldLines.push(...lines);
    else last.newLines.push(...lines);
  }
  return out;
}

/**
 * Unified-diff hunks with `context` lines around each change; nearby changes share a hunk unless
 * `separate` is set (interactive hunk review: every change can be accepted on its own).
 */
export function buildHunks(oldText: string, newText: string, context = 3, separate = false): Hunk[] {
  const segs = segments(oldText, newText);
  const hunks: Hunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  let current: Hunk | null = null;
  let group = -1;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.kind === 'change') {
      group++;
      if (!current) {
        const before = segs[i - 1]?.kind === 'same' ? segs[i - 1].oldLines : [];
        const lead = before.slice(Math.max(0, before.length - context));
        current = {
          oldStart: oldLine - lead.length,
          newStart: newLine - lead.length,
          oldLines: 0,
          newLines: 0,
          lines: lead.map((l) => ({ op: ' ', text: stripEol(l) })),
          groups: [],
        };
      }
      current.groups.push(group);
      for (const l of seg.oldLines) current.lines.push({ op: '-', text: stripEol(l) });
      for (const l of seg.newLines) current.lines.push({ op: '+', text: stripEol(l) });
      oldLine += seg.oldLines.length;
      newLine += seg.newLines.length;
      continue;
    }
    const lines = seg.oldLines;
    if (current) {
      const hasNext = i + 1 < segs.length;
      if (hasNext && !separate && lines.length <= context * 2) {
        for (const l of lines) current.lines.push({ op: ' ', text: stripEol(l) });
      } else {
        for (const l of lines.slice(0, context)) current.lines.push({ op: ' ', text: stripEol(l) });
        hunks.push(finish(current));
        current = null;
      }
    }
    oldLine += lines.length;
    newLine += lines.length;
  }
  if (current) hunks.push(finish(current));
  return hunks;
}

function finish(h: Hunk): Hunk {
  h.oldLines = h.lines.filter((l) => l.op !== '+').length;
  h.newLines = h.lines.filter((l) => l.op !== '-').length;
  // Unified diff convention: an empty side starts one line earlier.
  if (h.oldLines === 0) h.oldStart = Math.max(0, h.oldStart - 1);
  if (h.newLines === 0) h.newStart = Math.max(0, h.newStart - 1);
  return h;
}

/**
 * The text with only the accepted hunks applied. Works on lines that keep their own endings,
 * so a CRLF file stays CRLF whatever the user picks.
 */
export function applyHunks(oldText: string, newText: string, hunks: readonly Hunk[], accepted: ReadonlySet<number>): string {
  const acceptedGroups = new Set<number>();
  hunks.forEach((h, i) => {
    if (accepted.has(i)) for (const g of h.groups) acceptedGroups.add(g);
  });
  let group = -1;
  let out = '';
  for (const seg of segments(oldText, newText)) {
    if (seg.kind === 'same') {
      out += seg.oldLines.join('');
      continue;
    }
    group++;
    out += (acceptedGroups.has(group) ? seg.newLines : seg.oldLines).join('');
  }
  return out;
}

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  yellow(s: string): string;
}

export function formatHunkHeader(h: Hunk): string {
  return `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`;
}

export function formatHunk(h: Hunk, colors?: Colors): string {
  const lines = [colors ? colors.cyan(formatHunkHeader(h)) : formatHunkHeader(h)];
  for (const l of h.lines) {
    const text = l.op + l.text;
    if (!colors || l.op === ' ') lines.push(text);
    else lines.push(l.op === '-' ? colors.red(text) : colors.green(text));
  }
  return lines.join('\n');
}

/** A unified diff (`--- a/…` / `+++ b/…`) of a file; line endings are not shown. */
export function unifiedDiff(file: string, oldText: string, newText: string, colors?: Colors, hunks?: Hunk[]): string {
  const hs = hunks ?? buildHunks(oldText, newText);
  if (hs.length === 0) return '';
  // git-style prefixes, also for a path outside the working directory (`a/tmp/x.ts`, not `a//tmp/x.ts`).
  const shown = file.replace(/\\/g, '/').replace(/^\/+/, '');
  const header = [`--- a/${shown}`, `+++ b/${shown}`];
  const head = colors ? header.map((h) => colors.bold(h)) : header;
  return [...head, ...hs.map((h) => formatHunk(h, colors))].join('\n') + '\n';
}
