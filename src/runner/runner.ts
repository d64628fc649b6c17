import os from 'node:os';
import path from 'node:path';
import type { CodemodOptions } from '../engine/types';
import { resolveOptions } from '../engine/options';
import { resolveCodemods, type CodemodSelection } from './codemods';
import { discoverEach, HardLinks } from './discover';
import { DEFAULT_FILE_TIMEOUT, WORKER_BYTES, WorkerPool, workerScript, type Item } from './pool';
import { DEFAULT_MAX_FILE_SIZE, readCandidate, transformFile, type FileResult } from './process';
import { tsMorph } from '../bedrock/flow/modules/index-facts';
import { discardPrestarted } from './prestart';
import { followAcrossModules, needsProjectIndex } from './project';

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

/** Files each worker is handed at once before this thread loads ts-morph (and cannot feed them for a while). */
const PREFETCH = 32;

/** One worker per CPU, at most 8: the main thread only reads and pre-filters, then waits for the workers. */
export function defaultJobs(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cpus));
}

/**
 * Computes the migration of every file under the paths, in memory: discover, cheap checks, one parse per
 * candidate file (on worker threads), every selected codemod on that tree. Writes nothing.
 *
 * Parsing and codemods run on worker threads whenever the compiled worker exists: a watchdog there stops a
 * file that takes longer than its budget (synchronous code can only be stopped from outside its thread).
 * The first worker starts before the walk, so that loading jscodeshift overlaps discovery, and each file
 * that needs a parse goes to the workers as soon as it is read; more workers start only when enough code
 * waits for them (WorkerPool). With the budget off (`--file-timeout 0`), a run with little code to parse
 * stays in this thread.
 */
export async function analyse(config: RunConfig): Promise<RunResult> {
  const started = Date.now();
  const cwd = config.cwd ?? process.cwd();
  const codemods = resolveCodemods(config.selection);
  // For the pre-filter's "is any codemod enabled for this file"; settings that do not resolve are left to the
  // engine, which reports them on each file as before.
  let resolved: CodemodOptions | undefined;
  try {
    resolved = resolveOptions(config.options);
  } catch {
    resolved = undefined;
  }
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const jobs = config.jobs ?? defaultJobs();
  const timeout = config.fileTimeout ?? DEFAULT_FILE_TIMEOUT;
  const script = workerScript();
  const init = { selection: config.selection, options: config.options };

  const results: FileResult[] = [];
  let total = 0;
  let done = 0;
  const tick = () => {
    done++;
    config.onProgress?.(done, total);
  };
  // The cross-module step after the workers needs ts-morph (~0.5 s to load) when a result calls for it:
  // this thread loads it as soon as one does and the reading is over, while the workers go on.
  const follows = codemods.some((c) => c.name === 'invoke-to-converse');
  let readingDone = false;
  let seedSeen = false;
  let warmed = false;
  const warm = () => {
    if (warmed || !seedSeen || !readingDone || !pool) return;
    warmed = true;
    setImmediate(() => {
      pool?.prefetch(PREFETCH);
      try {
        tsMorph();
      } catch {
        // Loading it again in the cross-module step reports the error where the run can say so.
      }
    });
  };
  const onResult = (r: FileResult) => {
    results.push(r);
    tick();
    if (follows && !seedSeen && needsProjectIndex(r)) {
      seedSeen = true;
      warm();
    }
  };
  let pool = script && timeout > 0 ? new WorkerPool(script, { jobs, init, onResult, budgetMs: timeout * 1000 }) : null;
  const usedWorkers = pool !== null;
  try {
    // Give the event loop a turn every few milliseconds of walking and reading, so that workers get their
    // next files (and a progress bar can redraw) during this synchronous stretch.
    let turn = Date.now();
    const breathe = async () => {
      if ((pool || config.onProgress) && Date.now() - turn >= 4) {
        await new Promise<void>((r) => setImmediate(r));
        turn = Date.now();
      }
    };
    const toParse: Item[] = [];
    let bytes = 0;
    // Each file is read and pre-filtered as the walk finds it, so the first worker gets its first files
    // while the walk goes on.
    const walk = discoverEach(config.paths.length ? config.paths : ['.'], {
      cwd,
      ignorePatterns: config.ignorePatterns,
      ignoreRules: config.ignoreRules,
      gitignore: config.gitignore,
      // Reading stats each file anyway (its size, its links): the walk need not.
      statFiles: false,
    });
    const links = new HardLinks();
    const duplicates = new Set<string>();
    let step = walk.next();
    for (; !step.done; step = walk.next()) {
      const { file, size } = step.value;
      total++;
      const read = readCandidate(file, codemods, { maxSize, knownSize: size, links, options: resolved });
      if (read.kind === 'done') {
        if (read.duplicate) duplicates.add(file);
        onResult(read.result);
      } else if (!read.needsParse) onResult(transformFile(file, read.source, codemods, config.options));
      else if (pool) pool.add({ file, source: read.source });
      else {
        toParse.push({ file, source: read.source });
        bytes += read.source.length;
      }
      await breathe();
    }
    const found = step.value;
    readingDone = true;
    warm();
    for (const s of found.skipped) {
      const missing = s.reason === 'no such file or directory';
      results.push({
        file: s.file,
        status: missing ? 'failed' : 'skipped',
        reason: s.reason,
        changedBy: [],
        markers: [],
        notes: [],
        ...(missing ? { error: { line: 0, column: 0, message: s.reason } } : {}),
      });
    }
    config.onStart?.(total);
    config.onProgress?.(done, total);

    if (!pool && script && bytes >= WORKER_BYTES) {
      pool = new WorkerPool(script, { jobs, init, onResult, budgetMs: 0 });
      for (const item of toParse.splice(0)) pool.add(item);
    }
    for (const item of toParse) {
      onResult(transformFile(item.file, item.source, codemods, config.options));
      await breathe();
    }
    // A worker started before the run that no pool took (all of it ran in this thread) stops now.
    discardPrestarted();
    if (pool) await pool.close();
    // Bodies and responses that cross a module boundary: the project index, built only when needed.
    const files = duplicates.size ? found.files.filter((f) => !duplicates.has(f)) : found.files;
    followAcrossModules({ results, files, codemods, options: config.options });

    for (const r of results) {
      const real = found.realPaths.get(r.file);
      if (real !== undefined) r.realPath = real;
    }
    return {
      files: sortByDisplayPath(cwd, results),
      codemods: codemods.map((c) => c.name),
      elapsedMs: Date.now() - started,
      usedWorkers: usedWorkers || pool !== null,
      excludedDirs: found.excludedDirs,
    };
  } catch (error) {
    discardPrestarted();
    await pool?.abort();
    throw error;
  }
}

/** A path as shown to the user: relative to cwd, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

/** Results in the order of their paths as shown (each path computed once, not once per comparison). */
function sortByDisplayPath(cwd: string, results: FileResult[]): FileResult[] {
  // A file below cwd (nearly all of them) is shown as the rest of its path: no path.relative for it.
  const base = path.resolve(cwd);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  const key = (file: string) => (path.sep === '/' && file.startsWith(prefix) ? file.slice(prefix.length) : displayPath(cwd, file));
  const keyed = results.map((r) => ({ key: key(r.file), r }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.r);
}
