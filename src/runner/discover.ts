import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { SCRIPT_EXTENSIONS } from '../engine/parse';

/** Config files whose model IDs the text codemods rewrite. `.env*` files are matched by name. */
export const CONFIG_EXTENSIONS = ['.json', '.yaml', '.yml', '.toml', '.tf', '.properties'] as const;

/** Directories never walked: dependencies and build output. Every dot-directory is skipped as well. */
export const EXCLUDED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'dist',
  'build',
  'out',
  'coverage',
  'cdk.out',
  'storybook-static',
]);

/** Lock files hold resolved package metadata, never model IDs a person wrote. */
const LOCK_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'composer.lock',
  'cargo.lock',
  'gemfile.lock',
  'poetry.lock',
  'deno.lock',
]);

export interface Skipped {
  /** Absolute path. */
  file: string;
  reason: string;
}

export interface Discovery {
  /** Absolute paths of the files to look at, sorted, each real file once (never a path through a link). */
  files: string[];
  /** Each file's real path (symbolic links resolved) when it differs from the path in `files`. */
  realPaths: Map<string, string>;
  /** Each file's size in bytes when the walk saw it (the stat it needs for hard links), so reading need not stat again. */
  sizes: Map<string, number>;
  /** Paths the walk met but could not or would not read, with the reason. */
  skipped: Skipped[];
  /** Dependency and build-output directories not walked (and not already .gitignored), so the summary can say so. */
  excludedDirs: string[];
}

export interface DiscoverOptions {
  /** Extra gitignore-style patterns (from `--ignore`), relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** Extra gitignore-style patterns relative to another directory (a config file's `ignore`). */
  ignoreRules?: ReadonlyArray<{ base: string; patterns: readonly string[] }>;
  /** Respect .gitignore files (default true). */
  gitignore?: boolean;
  cwd?: string;
  /**
   * Stat each file the walk takes (default true), for its size and to report a second hard link to a file
   * already taken. `false`: the walk makes no call per file; whoever reads the files checks hard links
   * with `HardLinks` on the stat the read makes anyway (the runner does), and `sizes` stays empty.
   */
  statFiles?: boolean;
}

/** The first path each multiply-linked file (device and inode) was reached by: a later one is a duplicate. */
export class HardLinks {
  private readonly first = new Map<string, string>();

  /** Why `file` is skipped when its stat shows a hard link already reached by another path, else undefined. */
  duplicate(file: string, stat: { nlink: number; dev: number; ino: number }): string | undefined {
    if (stat.nlink <= 1) return undefined;
    const key = `${stat.dev}:${stat.ino}`;
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, file);
      return undefined;
    }
    return `hard link to ${path.relative(path.dirname(file), first) || first}, already read there`;
  }
}

/** What kind of file the runner handles, by name: a script, a config file, or nothing. */
export function fileKind(filePath: string): 'script' | 'config' | null {
  const base = path.basename(filePath).toLowerCase();
  if (LOCK_FILES.has(base) || base.endsWith('.lock')) return null;
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'config';
  if (base.startsWith('.')) return null;
  if (/\.d\.[cm]?ts$/.test(base) || /\.min\.[cm]?js$/.test(base)) return null;
  const ext = path.extname(base);
  if ((SCRIPT_EXTENSIONS as readonly string[]).includes(ext)) return 'script';
  if ((CONFIG_EXTENSIONS as readonly string[]).includes(ext)) return 'config';
  return null;
}

interface IgnoreScope {
  /** Directory the patterns are relative to. */
  base: string;
  matcher: Ignore;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `path.join(dir, name)` for a normalized directory and a directory entry's name (no separator in it). */
function child(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function readGitignore(dir: string): Ignore | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return ignore().add(text);
}

function isIgnored(scopes: readonly IgnoreScope[], file: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    // Below the scope's directory (the usual case, both paths absolute and normal): the rest of the path.
    const rel = file.startsWith(scope.base) && file[scope.base.length] === path.sep ? file.slice(scope.base.length + 1) : path.relative(scope.base, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (scope.matcher.ignores(toPosix(rel) + (isDir ? '/' : ''))) return true;
  }
  return false;
}

/** `src/**\/*.ts` → prefix `src`, pattern `**\/*.ts`; null when the path has no glob characters. */
function globParts(input: string): { prefix: string; pattern: string } | null {
  const segments = toPosix(input).split('/');
  const first = segments.findIndex((s) => /[*?[\]{}]/.test(s));
  if (first === -1) return null;
  return { prefix: segments.slice(0, first).join('/') || '.', pattern: segments.slice(first).join('/') };
}

/** The directory holding `.git` at or above `dir`, or null. */
export function findGitRoot(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** .gitignore scopes from the repository root down to (not including) `dir`. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const root = findGitRoot(dir);
  if (!root) return [];
  const scopes: IgnoreScope[] = [];
  const chain: string[] = [];
  let current = path.resolve(dir);
  while (current !== root) {
    current = path.dirname(current);
    chain.unshift(current);
    if (chain.length > 64) break;
  }
  for (const d of chain) {
    const matcher = readGitignore(d);
    if (matcher) scopes.push({ base: d, matcher });
  }
  return scopes;
}

/** The reason given for a link (or a path through one) whose target lies outside the paths of the run. */
export const OUTSIDE_TREE = 'symbolic link to outside the tree';

/** True when `file` is `dir` or lies below it (both real, absolute paths). */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * Walks the given paths: skips dependency and build directories, dot-directories, lock files and what
 * .gitignore excludes. Symbolic links met during the walk are never followed: a link whose target lies
 * outside the given paths is reported as skipped (OUTSIDE_TREE), never read or written; a link to
 * something inside them is left to the walk of its real path, so every file is reached once, by a path
 * without links (a hard link reached twice is reported once as a duplicate). A link named explicitly
 * is taken when its target lies inside the git repository (or the current directory, outside git).
 * A file named explicitly is taken even when ignored, as long as the runner knows its kind.
 */
export function discover(inputs: readonly string[], options: DiscoverOptions = {}): Discovery {
  const walk = discoverEach(inputs, options);
  for (let step = walk.next(); ; step = walk.next()) if (step.done) return step.value;
}

/** A file as the walk takes it: its path, and its size when the walk stat'ed it. */
export interface Found {
  file: string;
  size: number | undefined;
}

/**
 * `discover`, one file at a time: yields each file as soon as the walk takes it (the same files as
 * `discover`, each once, in walk order), so its reading can overlap the rest of the walk; returns the
 * whole Discovery at the end.
 */
export function* discoverEach(inputs: readonly string[], options: DiscoverOptions = {}): Generator<Found, Discovery, void> {
  const cwd = options.cwd ?? process.cwd();
  const useGitignore = options.gitignore !== false;
  const extra: IgnoreScope[] = options.ignorePatterns?.length
    ? [{ base: cwd, matcher: ignore().add([...options.ignorePatterns]) }]
    : [];
  for (const rule of options.ignoreRules ?? []) {
    if (rule.patterns.length) extra.push({ base: path.resolve(cwd, rule.base), matcher: ignore().add([...rule.patterns]) });
  }
  const files = new Map<string, string>(); // real path → path as reached
  const sizes = new Map<string, number>();
  const links = new HardLinks();
  const statFiles = options.statFiles !== false;
  const skipped: Skipped[] = [];
  let visitedDirs = new Set<string>();
  const excludedDirs: string[] = [];
  // The real paths of the inputs: nothing outside them is read through a link.
  const roots: string[] = [];
  const boundary = realOrNull(findGitRoot(cwd) ?? cwd) ?? path.resolve(cwd);
  const inTree = (real: string) => roots.some((root) => isInside(root, real));

  function* addFile(file: string, real: string): Generator<Found, void, void> {
    if (files.has(real)) return;
    let stat: fs.Stats | null = null;
    if (statFiles) {
      try {
        stat = fs.statSync(real);
      } catch {
        // Gone since the walk saw it: reading it will say so.
      }
    }
    const duplicate = stat ? links.duplicate(file, stat) : undefined;
    if (duplicate !== undefined) {
      skipped.push({ file, reason: duplicate });
      return;
    }
    files.set(real, file);
    if (stat) sizes.set(file, stat.size);
    yield { file, size: stat?.size };
  }

  /** A link met during the walk: reported when its target lies outside the tree, else left to the real path. */
  const onLink = (full: string, real: string, isDir: boolean, dirReal: string) => {
    if (!inTree(real)) {
      if (isDir || fileKind(full)) skipped.push({ file: full, reason: `${OUTSIDE_TREE} (${real}); pass that path to migrate it` });
      return;
    }
    if (isDir && isInside(real, dirReal)) skipped.push({ file: full, reason: 'symbolic link loop (not followed)' });
  };

  function* walk(dir: string, scopes: IgnoreScope[], include?: (file: string) => boolean, dirReal?: string): Generator<Found, void, void> {
    // The directory the walk starts from is resolved once; an entry that is not a link then has the real
    // path `real/name` (a subdirectory too: the walk never descends through a link).
    let real: string;
    if (dirReal !== undefined) real = dirReal;
    else {
      try {
        real = fs.realpathSync.native(dir);
      } catch (error) {
        skipped.push({ file: dir, reason: `cannot resolve directory (${(error as NodeJS.ErrnoException).code ?? error})` });
        return;
      }
    }
    if (visitedDirs.has(real)) {
      skipped.push({ file: dir, reason: 'symbolic link loop or directory already walked (not followed)' });
      return;
    }
    visitedDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: dir, reason: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? error})` });
      return;
    }
    const own = useGitignore && entries.some((e) => e.name === '.gitignore') ? readGitignore(dir) : null;
    const here = own ? [...scopes, { base: dir, matcher: own }] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = child(dir, entry.name);
      const isDir = entry.isDirectory();
      const isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let stat: fs.Stats;
        let target: string;
        try {
          stat = fs.statSync(full);
          target = fs.realpathSync(full);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') skipped.push({ file: full, reason: 'symbolic link loop (not followed)' });
          else if (fileKind(full)) skipped.push({ file: full, reason: 'broken symbolic link' });
          continue;
        }
        const linkIsDir = stat.isDirectory();
        if (linkIsDir && (entry.name.startsWith('.') || EXCLUDED_DIRS.has(entry.name))) continue;
        if (isIgnored(here, full, linkIsDir) || isIgnored(extra, full, linkIsDir)) continue;
        if (!linkIsDir && include && !include(full)) continue;
        if (linkIsDir || stat.isFile()) onLink(full, target, linkIsDir, real);
        continue;
      }
      if (isDir) {
        if (entry.name.startsWith('.')) continue;
        if (isIgnored(here, full, true) || isIgnored(extra, full, true)) continue;
        if (EXCLUDED_DIRS.has(entry.name)) {
          excludedDirs.push(full);
          continue;
        }
        yield* walk(full, here, include, child(real, entry.name));
      } else if (isFile) {
        if (!fileKind(full)) continue;
        if (include && !include(full)) continue;
        if (isIgnored(here, full, false) || isIgnored(extra, full, false)) continue;
        yield* addFile(full, child(real, entry.name));
      }
    }
  }

  // Every input's real path first, so that a link in one input to a file of another counts as inside.
  for (const input of inputs) {
    const glob = globParts(input);
    const abs = path.resolve(cwd, fs.existsSync(path.resolve(cwd, input)) || !glob ? input : glob.prefix);
    const real = realOrNull(abs);
    if (real && (real === abs || isInside(boundary, real))) roots.push(real);
  }

  for (const input of inputs) {
    visitedDirs = new Set<string>();
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(abs);
      real = fs.realpathSync(abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        skipped.push({ file: abs, reason: 'symbolic link loop (not followed)' });
        continue;
      }
      const glob = globParts(input);
      if (glob) {
        // A quoted glob (`'src/**/*.ts'`): walk its fixed prefix and keep the files the pattern matches.
        const base = path.resolve(cwd, glob.prefix);
        const matcher = ignore().add(`/${glob.pattern}`);
        const before = files.size;
        if (fs.existsSync(base)) yield* walk(base, useGitignore ? ancestorScopes(base) : [], (file) => matcher.ignores(toPosix(path.relative(base, file))));
        if (files.size === before) skipped.push({ file: abs, reason: 'no file matches this pattern' });
        continue;
      }
      skipped.push({ file: abs, reason: 'no such file or directory' });
      continue;
    }
    // A path that goes through a link is taken only when it ends inside the repository.
    if (real !== abs && !isInside(boundary, real)) {
      skipped.push({ file: abs, reason: `${OUTSIDE_TREE} (${real}); pass that path to migrate it` });
      continue;
    }
    if (stat.isDirectory()) {
      const base = useGitignore ? ancestorScopes(abs) : [];
      if (base.length && isIgnored(base, abs, true)) {
        skipped.push({ file: abs, reason: 'ignored by .gitignore' });
        continue;
      }
      yield* walk(abs, base);
    } else if (stat.isFile()) {
      if (!fileKind(abs)) {
        skipped.push({ file: abs, reason: 'not a script or config file the codemods read' });
        continue;
      }
      // A link named explicitly (inside the repository): read and write the file it points to.
      yield* addFile(fs.lstatSync(abs).isSymbolicLink() ? real : abs, real);
    } else {
      skipped.push({ file: abs, reason: 'not a regular file' });
    }
  }

  const list = [...files.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const realPaths = new Map<string, string>();
  for (const [real, file] of files) if (real !== file) realPaths.set(file, real);
  return { files: list, realPaths, sizes, skipped, excludedDirs: excludedDirs.sort() };
}
