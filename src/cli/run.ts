import fs from 'node:fs';
import path from 'node:path';
import { CODEMODS } from '../codemods/registry';
import { resolveOptions } from '../engine/options';
import type { CodemodOptions } from '../engine/types';
import { gitState } from '../runner/git';
import { unifiedDiff } from '../runner/hunks';
import { parseSize } from '../runner/process';
import { formatJson, formatMarkdown, formatSummary, type RunMode } from '../runner/report';
import { formatPrompts, promptInventory } from '../runner/prompts';
import { analyse, defaultJobs, displayPath, type RunConfig } from '../runner/runner';
import { colorEnabled, makeColors } from './colors';
import { findConfig, loadConfig, type ConfigFile } from './config';
import { review, writeOne, type StopState } from './apply';

export const EXIT_OK = 0;
export const EXIT_PENDING = 1;
export const EXIT_FAILURE = 2;
/** Stopped by Ctrl-C (128 + SIGINT), after the summary of what was written. */
export const EXIT_INTERRUPTED = 130;
/** Stopped by SIGTERM (128 + 15), after the summary of what was written. */
export const EXIT_TERMINATED = 143;


/** An error the user caused (bad option, dirty tree): printed without a stack, exit code 2. */
export class UsageError extends Error {}

export interface RunFlags {
  write?: boolean;
  interactive?: boolean;
  check?: boolean;
  allowDirty?: boolean;
  only?: string[];
  skip?: string[];
  config?: string | false;
  report?: string;
  /** Where to write the prompt inventory (JSON). */
  prompts?: string;
  json?: boolean;
  jobs?: string;
  ignore?: string[];
  gitignore?: boolean;
  maxFileSize?: string;
  fileTimeout?: string;
  codemodModule?: string[];
  /** Run the codemod modules a config file found by search names. */
  trustConfig?: boolean;
  verbose?: boolean;
  color?: boolean;
  /** Codemod options, keyed by the manifest's option keys. */
  codemodOptions: Record<string, unknown>;
}

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'bedrock-claude-codemod') return pkg.version ?? '0.0.0';
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

/** The settings of a run: built-in defaults, then the config file, then the command line. */
export interface Settings {
  paths: string[];
  only: string[];
  skip: string[];
  /** `--ignore` patterns, relative to the current directory. */
  ignore: string[];
  /** The config file's `ignore` patterns, relative to the config file's directory. */
  ignoreRules: Array<{ base: string; patterns: string[] }>;
  jobs: number;
  maxFileSize?: number;
  /** Time budget of one file, in seconds (0: none). */
  fileTimeout?: number;
  modules: string[];
  /** The codemod modules that come from the config file (they run code from the repository). */
  configModules: string[];
  options: CodemodOptions;
  configFile: string | null;
}

/** What `analyse` needs from the settings (shared by the default command and `verify`). */
export function runConfig(settings: Settings, flags: RunFlags, cwd: string): RunConfig {
  return {
    paths: settings.paths,
    cwd,
    selection: { only: settings.only, skip: settings.skip, modules: settings.modules },
    options: settings.options,
    maxFileSize: settings.maxFileSize,
    fileTimeout: settings.fileTimeout,
    jobs: settings.jobs,
    ignorePatterns: settings.ignore,
    ignoreRules: settings.ignoreRules,
    gitignore: flags.gitignore !== false,
  };
}

export function settingsFrom(paths: readonly string[], flags: RunFlags, cwd: string): Settings {
  const configFile = flags.config === false ? null : flags.config ? path.resolve(cwd, flags.config) : findConfig(cwd);
  let config: ConfigFile = {};
  let base = cwd;
  if (configFile) {
    try {
      ({ config, base } = loadConfig(configFile));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const fromConfig = (p: string) => path.resolve(base, p);
  const configModules = (config.codemodModules ?? []).map(fromConfig);
  // Code from the tree runs only when asked: a config file found by search is part of the repository being
  // migrated, so the modules it names need --trust-config (or the file named with --config).
  if (configModules.length && !flags.config && !flags.trustConfig) {
    const shown = configModules.map((m) => path.relative(cwd, m) || m).join(', ');
    throw new UsageError(
      `${path.relative(cwd, configFile!) || configFile} names codemod modules that would run code from the repository: ${shown}\n` +
        'Nothing was run. Pass --trust-config to run them, name the file with --config <file>, or ignore it with --no-config.',
    );
  }

  const optionKeys = new Set(CODEMODS.flatMap((c) => c.options.map((o) => o.key)));
  const rawOptions: Record<string, unknown> = {};
  for (const key of optionKeys) if (config[key] !== undefined) rawOptions[key] = config[key];
  for (const [key, value] of Object.entries(flags.codemodOptions)) {
    if (value === undefined) continue;
    if (key === 'targets' && rawOptions.targets && typeof rawOptions.targets === 'object') {
      // --target adds to (and overrides) the config file's targets.
      rawOptions.targets = { ...(rawOptions.targets as Record<string, string>), ...resolveOptions({ targets: value as never }).targets };
    } else rawOptions[key] = value;
  }
  let options: CodemodOptions;
  try {
    options = resolveOptions(rawOptions);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }

  let jobs = config.jobs ?? defaultJobs();
  if (flags.jobs !== undefined) {
    jobs = Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a positive integer, got "${flags.jobs}"`);
  }
  let maxFileSize: number | undefined;
  const sizeText = flags.maxFileSize ?? (config.maxFileSize !== undefined ? String(config.maxFileSize) : undefined);
  if (sizeText !== undefined) {
    try {
      maxFileSize = parseSize(sizeText);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  let fileTimeout: number | undefined;
  const timeoutValue = flags.fileTimeout ?? config.fileTimeout;
  if (timeoutValue !== undefined) {
    fileTimeout = Number(timeoutValue);
    if (!Number.isFinite(fileTimeout) || fileTimeout < 0) throw new UsageError(`--file-timeout must be a number of seconds (0: no limit), got "${String(timeoutValue)}"`);
  }
  return {
    paths: paths.length ? [...paths] : config.paths?.length ? config.paths.map((p) => path.relative(cwd, fromConfig(p)) || '.') : ['.'],
    only: flags.only?.length ? splitList(flags.only) : (config.only ?? []),
    skip: flags.skip?.length ? splitList(flags.skip) : (config.skip ?? []),
    ignore: splitList(flags.ignore),
    ignoreRules: config.ignore?.length ? [{ base, patterns: config.ignore }] : [],
    jobs,
    maxFileSize,
    fileTimeout,
    modules: [...configModules, ...(flags.codemodModule ?? []).map((m) => path.resolve(cwd, m))],
    configModules,
    options,
    configFile,
  };
}

/** The codemod options in effect (every option the manifest declares), for the reports. */
function optionsForReport(options: CodemodOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of CODEMODS) for (const spec of entry.options) out[spec.key] = options[spec.key];
  return out;
}

function modeOf(flags: RunFlags): RunMode {
  if (flags.check) return 'check';
  if (flags.interactive) return 'interactive';
  if (flags.write) return 'write';
  return 'preview';
}

/** The default command: preview, write, review interactively, or check. Returns the exit code. */
export async function runCommand(paths: readonly string[], flags: RunFlags, io: Io): Promise<number> {
  const mode = modeOf(flags);
  if (flags.check && (flags.write || flags.interactive)) throw new UsageError('--check never writes: drop --write/--interactive');
  if (flags.interactive && flags.json) throw new UsageError('--interactive asks questions on stdout: it cannot be combined with --json');
  const settings = settingsFrom(paths, flags, io.cwd);
  const colors = makeColors(!flags.json && colorEnabled(io.stdout, flags.color, io.env));
  const errColors = makeColors(colorEnabled(io.stderr, flags.color, io.env));

  const writes = mode === 'write' || mode === 'interactive';
  if (writes && !flags.allowDirty) {
    const git = gitState(settings.paths, io.cwd);
    // The report and prompt inventory of an earlier run are not work that could be lost.
    const outputs = [flags.report, flags.prompts].filter((f): f is string => !!f).map((f) => path.resolve(io.cwd, f));
    if (outputs.length && git.top) {
      git.dirty = git.dirty.filter((line) => !outputs.includes(path.resolve(git.top!, line.slice(3).replace(/^"|"$/g, ''))));
    }
    if (git.repository && git.dirty.length) {
      const shown = git.dirty.slice(0, 10).map((l) => `  ${l}`).join('\n');
      const more = git.dirty.length > 10 ? `\n  … and ${git.dirty.length - 10} more` : '';
      throw new UsageError(
        `refusing to write: the git tree has uncommitted changes under the given paths:\n${shown}${more}\n` +
          'Commit or stash them first so the migration is one reviewable diff, or pass --allow-dirty.',
      );
    }
    if (!git.repository) io.stderr.write(errColors.yellow('warning: not in a git repository: there will be no easy undo of the written changes.\n'));
  }

  if (settings.configModules.length) {
    const shown = settings.configModules.map((m) => displayPath(io.cwd, m)).join(', ');
    io.stderr.write(errColors.yellow(`note: running codemod modules named in ${displayPath(io.cwd, settings.configFile!)}: ${shown}\n`));
  }
  const progress = makeProgress(io, flags);
  const run = await analyse({
    ...runConfig(settings, flags, io.cwd),
    onStart: progress.start,
    onProgress: progress.update,
  });
  progress.stop();

  const changed = run.files.filter((f) => f.status === 'changed');
  // Ctrl-C while writing: finish the file being written, write no more, and still print the summary.
  const stop: StopState = { interrupted: false, reader: null };
  // SIGTERM (a CI job cancelled, a container stopped) is handled the same way, with its own exit code.
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stop.interrupted) process.exit(signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED);
    stop.interrupted = true;
    stop.signal = signal;
    stop.reader?.close();
  };
  if (writes) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    if (mode === 'interactive') {
      await review(changed, io, colors, stop);
      io.stdout.write('\n');
    } else {
      for (let i = 0; i < changed.length; i++) {
        const f = changed[i];
        if (stop.interrupted) {
          for (const rest of changed.slice(i)) rest.reason += ' · not written (interrupted)';
          break;
        }
        if (!flags.json) io.stdout.write(unifiedDiff(displayPath(io.cwd, f.file), f.original!, f.output!, colors) + '\n');
        if (mode === 'write') {
          writeOne(f);
          // Let a pending SIGINT in between two files.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  } finally {
    if (writes) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }

  const n = { failed: run.files.filter((f) => f.status === 'failed').length, changed: changed.length };
  const exitCode = stop.interrupted
    ? stop.signal === 'SIGTERM'
      ? EXIT_TERMINATED
      : EXIT_INTERRUPTED
    : n.failed > 0
      ? EXIT_FAILURE
      : mode === 'check' && n.changed > 0
        ? EXIT_PENDING
        : EXIT_OK;
  const input = {
    cwd: io.cwd,
    mode,
    files: run.files,
    codemods: run.codemods,
    options: optionsForReport(settings.options),
    elapsedMs: run.elapsedMs,
    exitCode,
    version: version(),
    excludedDirs: run.excludedDirs,
  };
  const prompts = flags.report || flags.prompts ? promptInventory(run.files, io.cwd) : [];
  if (flags.report) {
    const target = path.resolve(io.cwd, flags.report);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, formatMarkdown({ ...input, prompts, reportDir: path.dirname(target) }));
  }
  if (flags.prompts) {
    const target = path.resolve(io.cwd, flags.prompts);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, formatPrompts(prompts, input.version));
  }
  if (flags.json) io.stdout.write(formatJson(input));
  else {
    io.stdout.write(formatSummary(input, { colors, verbose: flags.verbose === true }));
    if (flags.report) io.stdout.write(`Report written to ${displayPath(io.cwd, path.resolve(io.cwd, flags.report))}\n`);
    if (flags.prompts) io.stdout.write(`Prompt inventory (${prompts.length} call site${prompts.length === 1 ? '' : 's'}) written to ${displayPath(io.cwd, path.resolve(io.cwd, flags.prompts))}\n`);
  }
  return exitCode;
}


interface Progress {
  start(total: number): void;
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr for long runs in a terminal; nothing at all in CI or when output is piped. */
function makeProgress(io: Io, flags: RunFlags): Progress {
  const quiet: Progress = { start() {}, update() {}, stop() {} };
  if (!io.stderr.isTTY || flags.json || io.env.CI) return quiet;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | null = null;
  return {
    start(total) {
      if (total < 200) return;
      bar = new SingleBar({ stream: io.stderr, format: 'migrating {bar} {value}/{total} files · {eta_formatted} left', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
