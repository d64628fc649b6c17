import os from 'node:os';
import path from 'node:path';
import type { CodemodOptions } from '../engine/types';
import { resolveCodemods, type CodemodSelection } from './codemods';
import { discover } from './discover';
import { DEFAULT_FILE_TIMEOUT, runInWorkers, workerScript } from './pool';
import { DEFAULT_MAX_FILE_SIZE, readCandidate, transformFile, type FileResult } from './process';

export interface RunConfig {
  /** Files and directories to migrate (default: the current directory). */
  paths: readonly string[];
  cwd?: string;
  selection: CodemodSelection;
  options: Partial<CodemodOptions>;
  maxFileSize?: number;
  /** Worker threads for parsing (at least one is used when the compiled worker exists, for the watchdog). */
  jobs?: number;
  /** Time budget of one file in seconds (watchdog on worker threads); 0 turns it off. */
  fileTimeout?: number;
  ignorePatterns?: readonly string[];
  /** Patterns relative to another directory (the config file's). */
  ignoreRules?: ReadonlyArray<{ base: string; patterns: readonly string[] }>;
  gitignore?: boolean;
  /** Called with (files done, files in total) while the run advances. */
  onProgress?: (done: number, total: number) => void;
  /** Called once discovery knows how many files there are. */
  onStart?: (total: number) => void;
}

export interface RunResult {
  /** One result per file, sorted by path. */
  files: FileResult[];
  codemods: string[];
  elapsedMs: number;
  /** Whether the parse work ran on worker threads. */
  usedWorkers: boolean;
  /** Dependency and build-output directories that were not walked. */
  excludedDirs: string[];
}

/** Below this many files to parse, more than one worker costs more than it saves. */
export const WORKER_THRESHOLD = 24;

/** One worker per CPU, at most 8: the main thread only reads and pre-filters, then waits for the workers. */
export function defaultJobs(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cpus));
}

/**
 * Computes the migration of every file under the paths, in memory: discover, cheap checks, one parse per
 * candidate file (on workers for large runs), every selected codemod on that tree. Writes nothing.
 */
export async function analyse(config: RunConfig): Promise<RunResult> {
  const started = Date.now();
  const cwd = config.cwd ?? process.cwd();
  const codemods = resolveCodemods(config.selection);
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const found = discover(config.paths.length ? config.paths : ['.'], {
    cwd,
    ignorePatterns: config.ignorePatterns,
    ignoreRules: config.ignoreRules,
    gitignore: config.gitignore,
  });

  const results: FileResult[] = found.skipped.map((s) => ({
    file: s.file,
    status: s.reason === 'no such file or directory' ? 'failed' : 'skipped',
    reason: s.reason,
    changedBy: [],
    markers: [],
    notes: [],
    ...(s.reason === 'no such file or directory' ? { error: { line: 0, column: 0, message: s.reason } } : {}),
  }));
  const total = found.files.length;
  config.onStart?.(total);
  let done = 0;
  const tick = () => {
    done++;
    config.onProgress?.(done, total);
  };
  // Give the event loop a turn now and then, so a progress bar can redraw during long synchronous stretches.
  const breathe = config.onProgress ? () => (done % 64 === 0 ? new Promise<void>((r) => setImmediate(r)) : undefined) : () => undefined;

  const toParse: Array<{ file: string; source: string }> = [];
  for (const file of found.files) {
    const read = readCandidate(file, codemods, maxSize);
    if (read.kind === 'done') {
      results.push(read.result);
      tick();
    } else if (!read.needsParse) {
      results.push(transformFile(file, read.source, codemods, config.options));
      tick();
    } else {
      toParse.push({ file, source: read.source });
    }
    await breathe();
  }

  // Parsing and codemods run on worker threads whenever the compiled worker exists: a watchdog there stops a
  // file that takes longer than its budget (synchronous code can only be stopped from outside its thread).
  // Small runs use one worker. Only with the budget off (`--file-timeout 0`) do small runs stay in this thread.
  const jobs = config.jobs ?? defaultJobs();
  const timeout = config.fileTimeout ?? DEFAULT_FILE_TIMEOUT;
  const script = workerScript();
  const workers = toParse.length >= WORKER_THRESHOLD ? jobs : timeout > 0 ? 1 : 0;
  const useWorkers = workers > 0 && toParse.length > 0 && script !== null;
  if (useWorkers) {
    await runInWorkers(script, toParse, workers, { selection: config.selection, options: config.options }, (r) => {
      results.push(r);
      tick();
    }, timeout * 1000);
  } else {
    for (const item of toParse) {
      results.push(transformFile(item.file, item.source, codemods, config.options));
      tick();
      await breathe();
    }
  }

  for (const r of results) {
    const real = found.realPaths.get(r.file);
    if (real !== undefined) r.realPath = real;
  }
  results.sort((a, b) => compareDisplay(cwd, a.file, b.file));
  return { files: results, codemods: codemods.map((c) => c.name), elapsedMs: Date.now() - started, usedWorkers: useWorkers, excludedDirs: found.excludedDirs };
}

/** A path as shown to the user: relative to cwd, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

function compareDisplay(cwd: string, a: string, b: string): number {
  const x = displayPath(cwd, a);
  const y = displayPath(cwd, b);
  return x < y ? -1 : x > y ? 1 : 0;
}
