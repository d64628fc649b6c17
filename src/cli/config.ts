import fs from 'node:fs';
import path from 'node:path';
import { CODEMODS } from '../codemods/registry';

export const CONFIG_FILE = 'bedrock-claude-codemod.config.json';

/** The config file: the same settings as the command line, in JSON. */
export interface ConfigFile {
  paths?: string[];
  only?: string[];
  skip?: string[];
  ignore?: string[];
  jobs?: number;
  maxFileSize?: string | number;
  /** Time budget of one file, in seconds. */
  fileTimeout?: number;
  codemodModules?: string[];
  /** Codemod options (keys from the manifest: targets, profile, seedTargets, refusal, refusalHandler, …). */
  [key: string]: unknown;
}

const RUNNER_KEYS = ['paths', 'only', 'skip', 'ignore', 'jobs', 'maxFileSize', 'fileTimeout', 'codemodModules'];

/** Codemod option keys the manifest declares (plus `target`, an alias of `targets`). */
export function optionKeys(): string[] {
  return [...new Set([...CODEMODS.flatMap((c) => c.options.map((o) => o.key)), 'target'])];
}

/** The config file at or above `cwd` (stopping at the repository root), or null. */
export function findConfig(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    const file = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(file)) return file;
    if (fs.existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function stringList(value: unknown, key: string, file: string): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new Error(`${file}: "${key}" must be a list of strings`);
}

/**
 * Loads and validates a config file. Relative paths in it (paths, ignore patterns, codemod modules)
 * are relative to the file's directory, which is returned as `base`.
 */
export function loadConfig(file: string): { config: ConfigFile; base: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read config (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: the config must be a JSON object`);
  const known = new Set([...RUNNER_KEYS, ...optionKeys(), '$schema']);
  const config: ConfigFile = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(key)) {
      throw new Error(`${file}: unknown key "${key}"; known keys: ${[...known].filter((k) => k !== '$schema').join(', ')}`);
    }
    if (key === 'paths' || key === 'only' || key === 'skip' || key === 'ignore' || key === 'codemodModules') {
      config[key] = stringList(value, key, file);
    } else if (key === 'jobs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error(`${file}: "jobs" must be a positive integer`);
      config.jobs = value;
    } else if (key === 'fileTimeout') {
      if (typeof value !== 'number' || !(value >= 0)) throw new Error(`${file}: "fileTimeout" must be a number of seconds (0: no limit)`);
      config.fileTimeout = value;
    } else if (key === 'target') {
      config.targets = value;
    } else if (key === 'apiPaths' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Per-path `--api` choice: its globs are relative to this file's directory.
      const dir = path.dirname(path.resolve(file)).split(path.sep).join('/');
      config.apiPaths = Object.fromEntries(Object.entries(value).map(([glob, api]) => [path.posix.join(dir, glob), api]));
    } else {
      config[key] = value;
    }
  }
  return { config, base: path.dirname(path.resolve(file)) };
}
