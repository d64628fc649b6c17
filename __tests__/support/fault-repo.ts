/**
 * Temporary git repositories with real files, the built CLI run on them, and fault-injecting codemod
 * modules, for the fault suite. Every repository lives in a `space/` folder next to an `outside/` folder:
 * links and hard links reach out there, and a snapshot of everything proves it was not touched.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'bedrock-claude-codemod.js');

export const LEGACY = 'anthropic.claude-v2';
export const CURRENT = 'anthropic.claude-sonnet-4-6';

/** Codemod modules, by name: one that does the work, and the faults. */
export const MODULES: Record<string, string> = {
  // Swaps the legacy ID in string literals: the well-behaved codemod every scenario migrates with.
  swap: `module.exports = {
  name: 'swap',
  mentions: ['${LEGACY}'],
  run({ j, root }) {
    let changed = false;
    root.find(j.StringLiteral, { value: '${LEGACY}' }).forEach((p) => {
      p.replace(j.stringLiteral('${CURRENT}'));
      changed = true;
    });
    return changed;
  },
};
`,
  // Wraps the object literal of \`const settings = {…}\` in a call: two hunks far apart that parse only together.
  wrap: `module.exports = {
  name: 'wrap',
  mentions: ['settings'],
  run({ j, root }) {
    let changed = false;
    root.find(j.VariableDeclarator, { id: { name: 'settings' }, init: { type: 'ObjectExpression' } }).forEach((p) => {
      p.node.init = j.callExpression(j.identifier('defineSettings'), [p.node.init]);
      changed = true;
    });
    return changed;
  },
};
`,
  // Prints code that does not parse, on files that say GARBAGE.
  garbage: `module.exports = {
  name: 'garbage',
  mentions: ['GARBAGE'],
  run({ j, root }) {
    root.find(j.StringLiteral, { value: 'GARBAGE' }).forEach((p) => p.replace(j.identifier('not valid (')));
    return true;
  },
};
`,
  // Prints to stdout (where the diffs and the JSON document go) on every file it sees.
  chatty: `module.exports = {
  name: 'chatty',
  mentions: ['${LEGACY}'],
  run({ file }) {
    console.log('} not json {', file.path);
    process.stdout.write('more noise\\n');
    return false;
  },
};
`,
  // Ends its thread on files that say CRASH (as an out-of-memory abort would).
  crash: `module.exports = {
  name: 'crash',
  mentions: ['CRASH'],
  run() {
    process.exit(3);
  },
};
`,
  // Throws on files that say THROW.
  thrower: `module.exports = {
  name: 'thrower',
  mentions: ['THROW'],
  run() {
    throw new TypeError('cannot read properties of undefined (reading "body")');
  },
};
`,
  // Never returns on files that say HANG: only a watchdog outside its thread can stop it.
  hang: `module.exports = {
  name: 'hang',
  mentions: ['HANG'],
  run() {
    for (;;) {}
  },
};
`,
};

export interface Fixture {
  /** The folder holding `space/` (the repository) and `outside/`. */
  base: string;
  repo: string;
  outside: string;
  /** Absolute paths of the codemod modules (kept outside the repository, so the tree stays clean). */
  modules: Record<string, string>;
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-faults-'));
let counter = 0;

export function cleanup(): void {
  // Read-only folders must be writable again before they can be removed.
  const open = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        fs.chmodSync(full, 0o755);
        open(full);
      }
    }
  };
  open(TMP);
  fs.rmSync(TMP, { recursive: true, force: true });
}

function writeAll(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** A committed git repository with `files`, an `outside/` folder with `outsideFiles`, and the modules. */
export function makeFixture(files: Record<string, string | Buffer>, outsideFiles: Record<string, string> = {}): Fixture {
  const base = path.join(TMP, `case-${++counter}`);
  const repo = path.join(base, 'space');
  const outside = path.join(base, 'outside');
  writeAll(repo, files);
  writeAll(outside, outsideFiles);
  fs.mkdirSync(outside, { recursive: true });
  const modules: Record<string, string> = {};
  for (const [name, source] of Object.entries(MODULES)) {
    modules[name] = path.join(base, `${name}.js`);
    fs.writeFileSync(modules[name], source);
  }
  commit(repo, true);
  return { base, repo, outside, modules };
}

/** Commits everything in the repository (a fresh one when `init`). */
export function commit(repo: string, init = false): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
  if (init) git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'state', '--allow-empty');
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '1' };

export function cli(cwd: string, args: string[], input = ''): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function spawnCli(cwd: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: ENV });
}

/** `--codemod-module` arguments for these modules, run alone. */
export function using(fixture: Fixture, ...names: string[]): string[] {
  return [...names.flatMap((n) => ['--codemod-module', fixture.modules[n]!]), '--only', names.join(',')];
}

/** Every entry under `dir` (links not followed): path → kind, mode and content hash, for before/after comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const rel = path.relative(dir, full);
      if (entry.name === '.git') continue;
      const stat = fs.lstatSync(full);
      if (entry.isSymbolicLink()) out[rel] = `link → ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) {
        out[rel] = `dir ${(stat.mode & 0o777).toString(8)}`;
        walk(full);
      } else out[rel] = `file ${(stat.mode & 0o777).toString(8)} ino ${stat.ino} ${crypto.createHash('sha1').update(fs.readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

/** The files of the JSON document, by path. */
export function byPath(out: string): Record<string, { status: string; reason: string; error: { line: number; message: string } | null }> {
  const doc = JSON.parse(out) as { files: Array<{ path: string; status: string; reason: string; error: { line: number; message: string } | null }> };
  return Object.fromEntries(doc.files.map((f) => [f.path, f]));
}

/** Names left in a folder by an interrupted atomic write (write-file-atomic's temp files). */
export function tempFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[a-z]+\.[0-9a-f]{4,}$/.test(entry.name)) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found;
}
