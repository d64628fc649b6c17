import type { Marker, Note } from '../engine/types';
import { unifiedDiff, type Colors } from './hunks';
import { PREFILTER, type FileResult, type FileStatus } from './process';
import { buildChecklist, checklistMarkdown, linkTo, promptTable } from './checklist';
import { promptInventory, type PromptSite } from './prompts';
import { displayPath } from './runner';

export type RunMode = 'preview' | 'write' | 'check' | 'interactive';

export const PREFILTER_REASON = PREFILTER;

/** The version of the `--json` document; bumped only on incompatible changes. */
export const JSON_SCHEMA_VERSION = 1;

export interface Counts {
  files: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  written: number;
  markers: number;
}

export interface ReportInput {
  cwd: string;
  mode: RunMode;
  files: FileResult[];
  codemods: string[];
  options: Record<string, unknown>;
  elapsedMs: number;
  exitCode: number;
  version: string;
  /** Directories not walked by default (dependencies, build output), shown so no skip is silent. */
  excludedDirs?: readonly string[];
  /** The prompt inventory (computed from the changed files when not given). */
  prompts?: readonly PromptSite[];
  /** The directory the Markdown report's relative links start from (its own directory). */
  reportDir?: string;
}

/**
 * Whether a file's markers are work left for a human: every changed file's in a preview, check or write
 * run; in an interactive run only the files that were written (a declined file leaves nothing behind).
 */
export function markersCount(f: FileResult, mode: RunMode): boolean {
  return f.status === 'changed' && (mode !== 'interactive' || f.written === true);
}

export function counts(files: readonly FileResult[], mode: RunMode = 'preview'): Counts {
  const c: Counts = { files: files.length, changed: 0, unchanged: 0, skipped: 0, failed: 0, written: 0, markers: 0 };
  for (const f of files) {
    c[f.status]++;
    if (f.written) c.written++;
    if (markersCount(f, mode)) c.markers += f.markers.length;
  }
  return c;
}

/** Per codemod: files it changed and markers it left. */
export function perCodemod(files: readonly FileResult[], codemods: readonly string[], mode: RunMode = 'preview'): Record<string, { files: number; markers: number; notes: number }> {
  const out: Record<string, { files: number; markers: number; notes: number }> = {};
  for (const name of codemods) out[name] = { files: 0, markers: 0, notes: 0 };
  for (const f of files) {
    for (const name of f.changedBy) (out[name] ??= { files: 0, markers: 0, notes: 0 }).files++;
    if (!markersCount(f, mode)) continue;
    for (const m of f.markers) (out[m.codemod] ??= { files: 0, markers: 0, notes: 0 }).markers++;
    for (const n of f.notes) (out[n.codemod] ??= { files: 0, markers: 0, notes: 0 }).notes++;
  }
  return out;
}

/**
 * Markers with the line where their comment sits in the migrated file (the engine records the
 * line of the statement in the original file; the inserted lines before it shift it).
 */
/** A file's markers top to bottom; the engine has given each the line its comment stands on. */
export function markersInOutput(f: FileResult): Marker[] {
  return byLine(f.markers);
}

/** Stable sort by line (codemods record in their own order; readers go top to bottom). */
export function byLine<T extends { line: number }>(items: readonly T[]): T[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.line - b.item.line || a.i - b.i).map((x) => x.item);
}

export function location(cwd: string, f: FileResult, line?: number): string {
  const p = displayPath(cwd, f.file);
  return line ? `${p}:${line}` : p;
}

function statusWord(status: FileStatus): string {
  return status;
}

/** The per-file diff (uncoloured) for changed files. */
export function fileDiff(cwd: string, f: FileResult, colors?: Colors): string {
  if (f.status !== 'changed' || f.original === undefined || f.output === undefined) return '';
  return unifiedDiff(displayPath(cwd, f.file), f.original, f.output, colors);
}

/** Notes printed in the summary before "… more" (all of them with --verbose). */
const NOTES_SHOWN = 20;

export interface SummaryOptions {
  colors: Colors;
  /** List every unchanged file instead of grouping the pre-filtered ones. */
  verbose: boolean;
}

/** The end-of-run summary: a status and a reason for every file, then the totals. */
export function formatSummary(input: ReportInput, opts: SummaryOptions): string {
  const { colors: c } = opts;
  const lines: string[] = [];
  const paint: Record<FileStatus, (s: string) => string> = {
    changed: c.green,
    unchanged: c.dim,
    skipped: c.yellow,
    failed: c.red,
  };
  const grouped = new Map<string, number>();
  const rows: Array<[string, string, string]> = [];
  for (const f of input.files) {
    if (!opts.verbose && f.status === 'unchanged' && f.reason === PREFILTER_REASON) {
      grouped.set(f.reason, (grouped.get(f.reason) ?? 0) + 1);
      continue;
    }
    const where = f.status === 'failed' && f.error?.line ? location(input.cwd, f, f.error.line) : location(input.cwd, f);
    let reason = f.status === 'failed' && f.error ? f.error.message : f.reason;
    if (f.status === 'changed') {
      if (f.written) reason += ' · written';
      if (f.markers.length) reason += ` · ${f.markers.length} marker${f.markers.length === 1 ? '' : 's'}`;
    }
    rows.push([f.status, where, reason]);
  }
  const width = Math.min(60, Math.max(4, ...rows.map((r) => r[1].length)));
  for (const [status, where, reason] of rows) {
    lines.push(`  ${paint[status as FileStatus](statusWord(status as FileStatus).padEnd(9))}  ${where.padEnd(width)}  ${reason}`);
  }
  for (const [reason, n] of grouped) {
    lines.push(`  ${c.dim('unchanged'.padEnd(9))}  ${`${n} file${n === 1 ? '' : 's'}`.padEnd(width)}  ${reason}${opts.verbose ? '' : ' (--verbose lists them)'}`);
  }
  const excluded = input.excludedDirs ?? [];
  if (excluded.length) {
    const names = excluded.map((d) => displayPath(input.cwd, d));
    const shown = opts.verbose || names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
    lines.push(`  ${c.dim('not walked'.padEnd(9))} ${shown}: dependencies or build output (name a directory to include it)`);
  }

  const markers = input.files.filter((f) => markersCount(f, input.mode)).flatMap((f) => markersInOutput(f).map((m) => ({ f, m })));
  if (markers.length) {
    lines.push('', c.bold('Left for a human (TODO(bedrock-claude-codemod) markers):'));
    for (const { f, m } of markers) lines.push(`  ${location(input.cwd, f, m.line)}  ${c.dim(`[${m.codemod}]`)} ${m.message}`);
  }
  const notes = input.files.filter((f) => f.status === 'changed').flatMap((f) => byLine(f.notes).map((n) => ({ f, n })));
  if (notes.length) {
    lines.push('', c.bold('Notes for the reviewer:'));
    const shown = opts.verbose ? notes : notes.slice(0, NOTES_SHOWN);
    for (const { f, n } of shown) lines.push(`  ${location(input.cwd, f, n.line || undefined)}  ${c.dim(`[${n.codemod}]`)} ${n.message}`);
    if (shown.length < notes.length) lines.push(c.dim(`  … ${notes.length - shown.length} more (--verbose, --report or --json list them all)`));
  }

  const n = counts(input.files, input.mode);
  const parts = [
    `${n.files} file${n.files === 1 ? '' : 's'}`,
    c.green(`${n.changed} changed`),
    `${n.unchanged} unchanged`,
    n.skipped ? c.yellow(`${n.skipped} skipped`) : `${n.skipped} skipped`,
    n.failed ? c.red(`${n.failed} failed`) : `${n.failed} failed`,
  ];
  const tail: string[] = [];
  if (input.mode === 'write' || input.mode === 'interactive') tail.push(`${n.written} written`);
  if (n.markers) tail.push(`${n.markers} marker${n.markers === 1 ? '' : 's'} to review`);
  tail.push(`${(input.elapsedMs / 1000).toFixed(1)} s`);
  lines.push('', `${c.bold('Summary:')} ${parts.join(', ')} · ${tail.join(' · ')}`);
  if (input.mode === 'preview' && n.changed > 0) lines.push(c.dim('Preview only: nothing was written. Run again with --write to apply, or --interactive to choose.'));
  if (input.mode === 'check' && n.changed > 0) lines.push(c.dim(`Check: migrations are pending (exit code ${input.exitCode}).`));
  return lines.join('\n') + '\n';
}

function mdEscape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The Markdown report, written to be the pull request's description: a summary first, then the review
 * checklist grouped by behaviour change (src/runner/checklist.ts), the prompt inventory, what was left alone
 * and why, and the per-file table and diffs folded in `<details>`. Links are relative to `reportDir` (the
 * report's own directory, default the current directory).
 */
export function formatMarkdown(input: ReportInput): string {
  const n = counts(input.files, input.mode);
  const base = input.reportDir ?? input.cwd;
  const prompts = input.prompts ?? promptInventory(input.files, input.cwd);
  const list = buildChecklist(input, (f) => markersCount(f, input.mode));
  const out: string[] = [];
  out.push('# Migrate Claude on Amazon Bedrock to current models and APIs', '');
  const changedBy = Object.entries(perCodemod(input.files, input.codemods, input.mode)).filter(([, c]) => c.files > 0).map(([name]) => `\`${name}\``);
  const written = input.mode === 'write' || input.mode === 'interactive' ? ` (${n.written} written)` : '';
  out.push(
    `**${n.changed} file${n.changed === 1 ? '' : 's'} changed**${written}${changedBy.length ? ` by ${changedBy.join(', ')}` : ''}; ` +
      `**${n.markers} marker${n.markers === 1 ? '' : 's'}** left where a human has work to do; ` +
      `${list.model.length} model choice${list.model.length === 1 ? '' : 's'} moved to a new model, ${prompts.length} call site${prompts.length === 1 ? '' : 's'} in the prompt inventory; ` +
      `${list.leftAlone.length} thing${list.leftAlone.length === 1 ? '' : 's'} left alone on purpose.`,
    '',
  );
  out.push(`${n.files} files read: ${n.changed} changed, ${n.unchanged} unchanged, ${n.skipped} skipped, ${n.failed} failed. Made by bedrock-claude-codemod ${input.version} (${input.mode}).`, '');
  const options = Object.entries(input.options)
    .filter(([, v]) => v !== undefined && !(v && typeof v === 'object' && Object.keys(v).length === 0))
    .map(([k, v]) => `\`${k}\`: \`${typeof v === 'object' ? JSON.stringify(v) : String(v)}\``);
  if (options.length) out.push(`Options: ${options.join(' · ')}`, '');

  out.push(...checklistMarkdown(input, list, prompts, base));
  out.push(...promptTable(input, prompts, base));

  out.push('## Left alone, and why', '');
  const alone = list.leftAlone.map((i) => `- ${linkTo(input.cwd, base, i.file.file, i.line)} ${mdLine(i.message)} _(${i.codemod})_`);
  for (const f of input.files) {
    if (f.status === 'skipped') alone.push(`- ${linkTo(input.cwd, base, f.file, 0)} skipped: ${mdLine(f.reason)}`);
    if (f.status === 'failed') alone.push(`- ${linkTo(input.cwd, base, f.file, f.error?.line ?? 0)} **failed**: ${mdLine(f.error ? f.error.message : f.reason)}`);
  }
  const untouched = input.files.filter((f) => f.status === 'unchanged').length;
  if (untouched) alone.push(`- ${untouched} file${untouched === 1 ? '' : 's'} with nothing to migrate (already current, not Claude, or no Bedrock call).`);
  out.push(...(alone.length ? alone : ['Nothing.']), '');

  out.push('<details><summary>Files and codemods</summary>', '', '| codemod | files changed | markers | notes |', '|---|---:|---:|---:|');
  for (const [name, c] of Object.entries(perCodemod(input.files, input.codemods, input.mode))) out.push(`| \`${name}\` | ${c.files} | ${c.markers} | ${c.notes} |`);
  out.push('', '| file | status | reason |', '|---|---|---|');
  let prefiltered = 0;
  for (const f of input.files) {
    if (f.status === 'unchanged' && f.reason === PREFILTER_REASON) {
      prefiltered++;
      continue;
    }
    const where = f.status === 'failed' && f.error?.line ? location(input.cwd, f, f.error.line) : location(input.cwd, f);
    const reason = f.status === 'failed' && f.error ? f.error.message : f.reason + (f.written ? ' · written' : '');
    out.push(`| \`${mdEscape(where)}\` | ${f.status} | ${mdEscape(reason)} |`);
  }
  if (prefiltered) out.push(`| *${prefiltered} more* | unchanged | ${PREFILTER_REASON} |`);
  out.push('', '</details>', '');

  const changed = input.files.filter((f) => f.status === 'changed');
  out.push('## Diffs', '');
  if (changed.length === 0) out.push('No file changes.', '');
  for (const f of changed) {
    const diff = fileDiff(input.cwd, f);
    const fence = diff.includes('```') ? '````' : '```';
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
    out.push(`<details><summary><code>${htmlEscape(displayPath(input.cwd, f.file))}</code> (+${added} −${removed})</summary>`, '', `${fence}diff`, diff.trimEnd(), fence, '', '</details>', '');
  }
  return out.join('\n');
}

function mdLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The `--json` document. Its shape is documented in docs/cli.md and only grows within a schema version. */
export function formatJson(input: ReportInput): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'bedrock-claude-codemod', version: input.version },
    mode: input.mode,
    exitCode: input.exitCode,
    codemods: input.codemods,
    options: input.options,
    summary: counts(input.files, input.mode),
    perCodemod: perCodemod(input.files, input.codemods, input.mode),
    elapsedMs: input.elapsedMs,
    files: input.files.map((f) => ({
      path: displayPath(input.cwd, f.file),
      status: f.status,
      reason: f.reason,
      changedBy: f.changedBy,
      written: f.written === true,
      error: f.error ?? null,
      markers: (f.status === 'changed' ? markersInOutput(f) : f.markers).map((m) => ({ codemod: m.codemod, line: m.line, message: m.message })),
      notes: byLine(f.notes).map((m) => ({ codemod: m.codemod, line: m.line, message: m.message, ...(m.kind ? { kind: m.kind } : {}) })),
      diff: f.status === 'changed' ? fileDiff(input.cwd, f) : null,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
