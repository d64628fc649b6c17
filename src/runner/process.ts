import fs from 'node:fs';
import { candidates, enabledFor, NOTHING_RELATED, transformSource } from '../engine/engine';
import { parserFor } from '../engine/parse';
import type { CodemodManifestEntry, CodemodOptions, Marker, Note } from '../engine/types';
import { OutputParseError, SourceParseError } from '../engine/types';
import type { HardLinks } from './discover';
import { checkOutput } from './validate';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FileError {
  line: number;
  column: number;
  message: string;
}

/** What happened to one file. `original`/`output` are kept only for changed files. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  status: FileStatus;
  /** Why: the reason a file is unchanged or skipped, the error of a failed one, the codemods of a changed one. */
  reason: string;
  changedBy: string[];
  markers: Marker[];
  notes: Note[];
  error?: FileError;
  original?: string;
  output?: string;
  /** Set once the file is on disk. */
  written?: boolean;
  /** The file's real path, when `file` reaches it through a symbolic link (an explicitly named link). */
  realPath?: string;
}

/** The reason given for files the substring pre-filter rules out. */
export const PREFILTER = 'no Claude-on-Bedrock code in it (pre-filter)';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A file read and classified without parsing: what the cheap checks decided. */
export type ReadOutcome =
  | { kind: 'done'; result: FileResult; /** A second hard link to a file already read. */ duplicate?: true }
  | { kind: 'source'; source: string; needsParse: boolean };

function result(file: string, status: FileStatus, reason: string, extra: Partial<FileResult> = {}): FileResult {
  return { file, status, reason, changedBy: [], markers: [], notes: [], ...extra };
}

/** How a file is read: the size limit, and what the caller already knows or tracks. */
export interface ReadSettings {
  maxSize: number;
  /** The size discovery saw, when it stat'ed the file already (a file too large is then never opened). */
  knownSize?: number;
  /** A walk that did not stat its files: the stat taken for the size also tells a second hard link. */
  links?: HardLinks;
  /** Resolved settings: a codemod not enabled for this file (its `enabled`) does not count as a candidate. */
  options?: CodemodOptions;
}

/**
 * Reads a file and applies the cheap checks: size, binary content, UTF-8, and the substring pre-filter.
 * Only a file that passes all of them is worth a parse. A second hard link to a file already read (with
 * `links`) is skipped.
 */
export function readCandidate(file: string, codemods: readonly CodemodManifestEntry[], settings: ReadSettings): ReadOutcome {
  const { maxSize, knownSize, links, options } = settings;
  let source: string;
  try {
    if (knownSize !== undefined && knownSize > maxSize) return { kind: 'done', result: tooLarge(file, maxSize, knownSize) };
    if (knownSize === undefined) {
      const stat = fs.statSync(file);
      const duplicate = links?.duplicate(file, stat);
      if (duplicate !== undefined) return { kind: 'done', result: result(file, 'skipped', duplicate), duplicate: true };
      if (stat.size > maxSize) return { kind: 'done', result: tooLarge(file, maxSize, stat.size) };
    }
    // Read and decoded in one call (Node's fast path); a NUL decodes to U+0000 and an invalid sequence to U+FFFD.
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { kind: 'done', result: result(file, 'failed', `cannot read: ${e.code ?? e.message}`, { error: { line: 0, column: 0, message: `cannot read: ${e.code ?? e.message}` } }) };
  }
  // A NUL in the first 8,000 characters (at least the first 8,000 bytes): binary.
  if (source.slice(0, 8000).includes('\0')) {
    return { kind: 'done', result: result(file, 'skipped', 'binary content') };
  }
  // Only a text with a U+FFFD needs the strict decoder, to tell invalid bytes from a U+FFFD written in the file.
  if (source.includes('\uFFFD')) {
    try {
      source = utf8.decode(fs.readFileSync(file));
    } catch {
      return { kind: 'done', result: result(file, 'skipped', 'not UTF-8 text') };
    }
  }
  const script = parserFor(file) !== null;
  if (script) {
    const mentioned = candidates(source, codemods);
    // What the engine would decide before a parse (transformSource): no enabled codemod, nothing to do.
    if (mentioned.length === 0 || (options && noneEnabled(mentioned, options, file))) return { kind: 'done', result: result(file, 'unchanged', PREFILTER) };
  }
  return { kind: 'source', source, needsParse: script };
}

/** Whether no mentioned codemod is enabled for the file; an `enabled` that throws leaves it to the engine, which reports why. */
function noneEnabled(mentioned: readonly CodemodManifestEntry[], options: CodemodOptions, file: string): boolean {
  try {
    return enabledFor(mentioned, options, file).length === 0;
  } catch {
    return false;
  }
}

function tooLarge(file: string, maxSize: number, size: number): FileResult {
  return result(file, 'skipped', `larger than ${formatSize(maxSize)} (${formatSize(size)}); raise --max-file-size to include it`);
}

/** Runs the engine on one file's text and turns every outcome, errors included, into a FileResult. */
export function transformFile(
  file: string,
  source: string,
  codemods: readonly CodemodManifestEntry[],
  options: Partial<CodemodOptions>,
): FileResult {
  try {
    const out = transformSource({ path: file, source, codemods, options });
    if (out.output === null) {
      const reason =
        out.skipped === NOTHING_RELATED ? PREFILTER : (out.skipped ?? 'nothing to migrate (already current or left as is)');
      return result(file, 'unchanged', reason, { markers: out.markers, notes: out.notes });
    }
    // Nothing unreadable is accepted: the new text is parsed again with the file's own parser.
    const problem = checkOutput(file, source, out.output, out.parsedOutput);
    if (problem) {
      // The engine re-parses between codemods, so for scripts the last codemod that changed the file is the one.
      const by = parserFor(file) ? out.changedBy.at(-1)! : out.changedBy.join(', ');
      return unreadable(file, by, problem, out);
    }
    return result(file, 'changed', `by ${out.changedBy.join(', ')}`, {
      changedBy: out.changedBy,
      markers: out.markers,
      notes: out.notes,
      original: source,
      output: out.output,
    });
  } catch (error) {
    if (error instanceof OutputParseError || (error as Error)?.name === 'OutputParseError') {
      const e = error as OutputParseError;
      return unreadable(file, e.codemod, { line: e.line, column: e.column, message: `does not parse: ${e.reason}` });
    }
    if (error instanceof SourceParseError || (error as Error)?.name === 'SourceParseError') {
      const e = error as SourceParseError;
      return result(file, 'failed', `syntax error at line ${e.line}: ${e.reason}`, {
        error: { line: e.line, column: e.column, message: `syntax error: ${e.reason}` },
      });
    }
    const e = error as Error;
    const message = e?.message ?? String(error);
    return result(file, 'failed', `codemod error: ${message}`, { error: { line: 0, column: 0, message: `codemod error: ${message}` } });
  }
}

/** A file whose new text its format cannot read: failed, with the codemod that printed it; nothing is written. */
function unreadable(
  file: string,
  by: string,
  problem: { line: number; column: number; message: string },
  out?: { changedBy: string[]; markers: Marker[]; notes: Note[] },
): FileResult {
  const message = `${by} produced output that ${problem.message}`;
  return result(file, 'failed', `${message}${problem.line ? ` (line ${problem.line} of the output)` : ''}; not written`, {
    changedBy: out?.changedBy ?? [by],
    markers: out?.markers ?? [],
    notes: out?.notes ?? [],
    error: { line: problem.line, column: problem.column, message },
  });
}

/** Read, pre-filter and transform one file in this thread. */
export function processFile(
  file: string,
  codemods: readonly CodemodManifestEntry[],
  options: Partial<CodemodOptions>,
  maxSize = DEFAULT_MAX_FILE_SIZE,
): FileResult {
  const read = readCandidate(file, codemods, { maxSize });
  if (read.kind === 'done') return read.result;
  return transformFile(file, read.source, codemods, options);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** `500k`, `2m`, `1048576` → bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: "${text}" (examples: 500k, 2m, 1048576)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}
