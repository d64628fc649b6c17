import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsFrom } from '../src/cli/run';
import { loadConfig } from '../src/cli/config';
import { discover, discoverEach, fileKind } from '../src/runner/discover';
import { applyHunks, buildHunks, unifiedDiff } from '../src/runner/hunks';
import { cpuSampler, type CpuProbe } from '../src/runner/cpu';
import { runInWorkers, WORKER_BYTES, WorkerPool } from '../src/runner/pool';
import { parseSize, processFile, type FileResult } from '../src/runner/process';
import { formatJson, formatMarkdown, formatSummary, markersInOutput } from '../src/runner/report';
import { analyse } from '../src/runner/runner';
import { resolveCodemods } from '../src/runner/codemods';
import { makeColors } from '../src/cli/colors';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-runner-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(TMP, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

// A codemod for the runner's own tests: uppercases the value of every `model: "..."` property
// and marks `legacyCall(...)` statements.
const MODULE = path.join(TMP, 'upper-model.js');
fs.writeFileSync(
  MODULE,
  `module.exports = {
  name: 'upper-model',
  mentions: ['model', 'legacyCall'],
  run(ctx) {
    const { j, root } = ctx;
    let changed = false;
    root.find(j.ObjectProperty, { key: { name: 'model' } }).forEach((p) => {
      const v = p.node.value;
      if (v.type === 'StringLiteral' && v.value !== v.value.toUpperCase()) {
        p.node.value = j.stringLiteral(v.value.toUpperCase());
        changed = true;
      }
    });
    root.find(j.CallExpression, { callee: { name: 'legacyCall' } }).forEach((p) => ctx.marker(p, 'port legacyCall by hand'));
    return changed;
  },
};
`,
);
const selection = { modules: [MODULE], only: ['upper-model'] };

describe('hunks', () => {
  const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].join('\r\n') + '\r\n';
  const after = before.replace('b\r\n', 'B\r\n').replace('k\r\n', 'K1\r\nK2\r\n');

  it('builds unified hunks with context and merges nearby changes unless asked to keep them apart', () => {
    const hunks = buildHunks(before, after);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]).toMatchObject({ oldStart: 1, oldLines: 5, newStart: 1, newLines: 5 });
    expect(hunks[1]).toMatchObject({ oldStart: 8, oldLines: 5, newStart: 8, newLines: 6 });
    expect(buildHunks(before, before.replace('b\r\n', 'B\r\n').replace('d\r\n', 'D\r\n'))).toHaveLength(1);
    expect(buildHunks(before, before.replace('b\r\n', 'B\r\n').replace('d\r\n', 'D\r\n'), 3, true)).toHaveLength(2);
    const diff = unifiedDiff('x.ts', before, after);
    expect(diff).toContain('--- a/x.ts\n+++ b/x.ts\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n');
    expect(diff).not.toContain('\r');
  });

  it('applies any subset of hunks and keeps CRLF line endings', () => {
    const hunks = buildHunks(before, after, 3, true);
    expect(applyHunks(before, after, hunks, new Set([0, 1]))).toBe(after);
    expect(applyHunks(before, after, hunks, new Set())).toBe(before);
    const first = applyHunks(before, after, hunks, new Set([0]));
    expect(first).toBe(before.replace('b\r\n', 'B\r\n'));
    const second = applyHunks(before, after, hunks, new Set([1]));
    expect(second).toBe(before.replace('k\r\n', 'K1\r\nK2\r\n'));
  });

  it('handles a file without a final newline and an empty file', () => {
    expect(applyHunks('x\ny', 'x\nz', buildHunks('x\ny', 'x\nz'), new Set([0]))).toBe('x\nz');
    expect(buildHunks('', 'a\n')).toHaveLength(1);
    expect(buildHunks('same\n', 'same\n')).toEqual([]);
  });
});

describe('discover', () => {
  it('finds scripts and config files; skips dependencies, build output, dot-dirs, lock files and .gitignored paths', () => {
    const dir = tree('walk', {
      '.gitignore': 'generated/\n*.local.ts\n',
      'src/a.ts': '', 'src/b.tsx': '', 'src/c.cjs': '', 'src/types.d.ts': '', 'src/x.local.ts': '', 'src/vendor.min.js': '',
      'src/nested/.gitignore': 'secret.js\n', 'src/nested/secret.js': '', 'src/nested/open.js': '',
      'config/app.yaml': '', 'config/models.json': '', 'infra/main.tf': '', '.env': '', '.env.production': '', 'README.md': '',
      'package-lock.json': '', 'yarn.lock': '', 'pnpm-lock.yaml': '',
      'node_modules/dep/index.js': '', 'dist/out.js': '', 'build/out.js': '', '.next/x.js': '', '.git/hooks/x.js': '', 'generated/g.ts': '',
    });
    const found = discover(['.'], { cwd: dir });
    const rel = found.files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(rel).toEqual(['.env', '.env.production', 'config/app.yaml', 'config/models.json', 'infra/main.tf', 'src/a.ts', 'src/b.tsx', 'src/c.cjs', 'src/nested/open.js']);
    expect(found.excludedDirs.map((d) => path.basename(d))).toEqual(['build', 'dist', 'node_modules']);
    // One file at a time, as the runner reads them: the same files, each once, with their sizes, then the whole Discovery.
    const walk = discoverEach(['.'], { cwd: dir });
    const yielded: string[] = [];
    let step = walk.next();
    for (; !step.done; step = walk.next()) {
      yielded.push(step.value.file);
      expect(step.value.size).toBe(fs.statSync(step.value.file).size);
    }
    expect([...yielded].sort()).toEqual(found.files);
    expect(step.value.files).toEqual(found.files);
    // Without a stat per file (the runner's reading stats them): the same files, no sizes.
    const unstatted = [...discoverEach(['.'], { cwd: dir, statFiles: false })];
    expect(unstatted.map((f) => f.file).sort()).toEqual(found.files);
    expect(unstatted.every((f) => f.size === undefined)).toBe(true);
    // A file named explicitly is taken even when ignored; --ignore patterns apply on top of .gitignore.
    expect(discover(['generated/g.ts'], { cwd: dir }).files).toEqual([path.join(dir, 'generated/g.ts')]);
    expect(discover(['.'], { cwd: dir, ignorePatterns: ['config/'] }).files.some((f) => f.includes('config'))).toBe(false);
    expect(discover(['.'], { cwd: dir, gitignore: false }).files.some((f) => f.endsWith('g.ts'))).toBe(true);
    // Quoted globs work without a shell: `*` stays in its directory, `**` goes down.
    const rels = (inputs: string[]) => discover(inputs, { cwd: dir }).files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(rels(['src/*.ts'])).toEqual(['src/a.ts']);
    expect(rels(['src/**/*.js'])).toEqual(['src/nested/open.js']);
    expect(rels(['**/*.yaml', 'src/*.tsx'])).toEqual(['config/app.yaml', 'src/b.tsx']);
    expect(discover(['src/*.rs'], { cwd: dir }).skipped.map((x) => x.reason)).toEqual(['no file matches this pattern']);
    expect(fileKind('x/.env.local')).toBe('config');
    expect(fileKind('x/Cargo.lock')).toBeNull();
  });

  it('survives symlink loops and duplicate links, and reports missing paths', () => {
    const dir = tree('links', { 'src/a.ts': '' });
    fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'src', 'self'));
    fs.symlinkSync(path.join(dir, 'src', 'a.ts'), path.join(dir, 'src', 'z-alias.ts'));
    fs.symlinkSync(path.join(dir, 'nowhere.ts'), path.join(dir, 'src', 'broken.ts'));
    const found = discover(['src', 'missing'], { cwd: dir });
    expect(found.files).toEqual([path.join(dir, 'src', 'a.ts')]);
    const reasons = Object.fromEntries(found.skipped.map((s) => [path.relative(dir, s.file), s.reason]));
    expect(reasons[path.join('src', 'self')]).toMatch(/symbolic link loop/);
    expect(reasons[path.join('src', 'broken.ts')]).toBe('broken symbolic link');
    expect(reasons.missing).toBe('no such file or directory');
  });
});

describe('processing files', () => {
  it('classifies every outcome: changed with markers, unchanged by pre-filter, syntax error with line, binary, too large', () => {
    const dir = tree('process', {
      'ok.ts': "const req = { model: 'abc' };\nlegacyCall(req);\n",
      'plain.ts': 'export const x = 1;\n',
      'bad.ts': "const req = { model: 'abc' };\nconst = ;\n",
      'bin.js': Buffer.from([0x6d, 0x6f, 0x64, 0x65, 0x6c, 0, 1, 2]),
      'big.js': `// model\n${'x'.repeat(5000)}`,
      'latin1.js': Buffer.from([0x6d, 0x6f, 0x64, 0x65, 0x6c, 0xe9, 0x0a]),
      'bom.ts': "\uFEFFconst req = { model: 'abc' };\r\n",
    });
    const codemods = resolveCodemods(selection);
    const run = (f: string) => processFile(path.join(dir, f), codemods, {}, 4096);
    const ok = run('ok.ts');
    expect(ok).toMatchObject({ status: 'changed', changedBy: ['upper-model'], reason: 'by upper-model' });
    expect(ok.output).toBe("const req = { model: 'ABC' };\n// TODO(bedrock-claude-codemod): port legacyCall by hand\nlegacyCall(req);\n");
    expect(markersInOutput(ok)).toEqual([{ codemod: 'upper-model', line: 2, message: 'port legacyCall by hand' }]);
    expect(run('plain.ts')).toMatchObject({ status: 'unchanged', reason: 'no Claude-on-Bedrock code in it (pre-filter)' });
    const bad = run('bad.ts');
    expect(bad.status).toBe('failed');
    expect(bad.error?.line).toBe(2);
    expect(run('bin.js')).toMatchObject({ status: 'skipped', reason: 'binary content' });
    expect(run('big.js').reason).toMatch(/^larger than 4 KB/);
    expect(run('latin1.js')).toMatchObject({ status: 'skipped', reason: 'not UTF-8 text' });
    const bom = run('bom.ts');
    expect(bom.original?.startsWith('\uFEFF')).toBe(true);
    expect(bom.output).toBe("\uFEFFconst req = { model: 'ABC' };\r\n");
  });

  it('parses sizes', () => {
    expect(parseSize('500k')).toBe(512000);
    expect(parseSize('2m')).toBe(2 * 1024 * 1024);
    expect(parseSize('100')).toBe(100);
    expect(() => parseSize('lots')).toThrow(/not a size/);
  });

  it('analyse returns results sorted by path, and worker threads give the same results as one thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${String(i).padStart(2, '0')}.ts`] = i % 3 === 0 ? `export const r = { model: 'm${i}' };\n` : `export const n = ${i};\n`;
    files['src/broken.ts'] = "const r = { model: 'x' };\nfunction (\n";
    const dir = tree('analyse', files);
    const result = await analyse({ paths: ['src'], cwd: dir, selection, options: {}, jobs: 1 });
    const names = result.files.map((f) => path.basename(f.file));
    expect(names).toEqual([...names].sort());
    expect(result.files.filter((f) => f.status === 'changed')).toHaveLength(10);
    expect(result.files.find((f) => f.file.endsWith('broken.ts'))?.error?.line).toBe(2);

    const script = path.resolve(__dirname, '..', 'dist', 'src', 'runner', 'worker.js');
    expect(fs.existsSync(script), 'npm run build first').toBe(true);
    const items = Object.keys(files).map((rel) => ({ file: path.join(dir, rel), source: files[rel] }));
    const fromWorkers: FileResult[] = [];
    await runInWorkers(script, items, 2, { selection, options: {} }, (r) => fromWorkers.push(r));
    fromWorkers.sort((a, b) => (a.file < b.file ? -1 : 1));
    const inProcess = result.files.filter((f) => f.status !== 'unchanged' || f.reason !== 'no Claude-on-Bedrock code in it (pre-filter)');
    const parsedByWorkers = fromWorkers.filter((f) => inProcess.some((g) => g.file === f.file));
    expect(parsedByWorkers.map((f) => [f.file, f.status, f.output ?? null, f.error?.line ?? null])).toEqual(
      inProcess.map((f) => [f.file, f.status, f.output ?? null, f.error?.line ?? null]),
    );
  });
});

describe('worker pool', () => {
  const script = path.resolve(__dirname, '..', 'dist', 'src', 'runner', 'worker.js');

  async function pooled(sources: string[], jobs: number): Promise<{ started: number; results: FileResult[] }> {
    expect(fs.existsSync(script), 'npm run build first').toBe(true);
    const results: FileResult[] = [];
    // The machine's load is not this test's business: the threshold alone decides.
    const pool = new WorkerPool(script, { jobs, init: { selection, options: {} }, onResult: (r) => results.push(r), busy: () => false });
    expect(pool.started).toBe(1); // before any file: its start-up overlaps discovery
    // Files arrive one by one, with turns of the event loop in between, as the runner reads them.
    for (const [i, source] of sources.entries()) {
      pool.add({ file: path.join(TMP, `pool-${i}.ts`), source });
      if (i % 4 === 0) await new Promise<void>((r) => setImmediate(r));
    }
    await pool.close();
    return { started: pool.started, results };
  }

  it('starts a second worker only when more code than WORKER_BYTES per worker waits, and every file gets its result', async () => {
    const small = Array.from({ length: 30 }, (_, i) => `export const r${i} = { model: 'm${i}' };\n`);
    const few = await pooled(small, 2);
    expect(few.started).toBe(1);
    expect(few.results.filter((r) => r.status === 'changed')).toHaveLength(30);

    // The same number of files, but each one large: the backlog passes the threshold while the first worker loads.
    const filler = `export const table = [${Array.from({ length: WORKER_BYTES / 16 }, (_, i) => i).join(', ')}];\n`;
    const large = small.map((s) => s + filler);
    const many = await pooled(large, 2);
    expect(many.started).toBe(2);
    expect(many.results.map((r) => r.file).sort()).toEqual(large.map((_, i) => path.join(TMP, `pool-${i}.ts`)).sort());
    expect(many.results.every((r) => r.status === 'changed' && r.output?.includes("'M"))).toBe(true);
  });
});

describe('worker pool: a worker started before the run', () => {
  it('is adopted by the pool with the run\'s settings (a local codemod module too), and every file gets its result', async () => {
    const dist = path.resolve(__dirname, '..', 'dist', 'src', 'runner');
    expect(fs.existsSync(path.join(dist, 'worker.js')), 'npm run build first').toBe(true);
    // The compiled modules: the prestarted worker lives in the compiled prestart module, which the compiled pool asks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const prestart = require(path.join(dist, 'prestart.js')) as typeof import('../src/runner/prestart');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require(path.join(dist, 'pool.js')) as typeof import('../src/runner/pool');
    prestart.prestartWorker();
    const results: FileResult[] = [];
    const pool = new compiled.WorkerPool(path.join(dist, 'worker.js'), { jobs: 1, init: { selection, options: {} }, onResult: (r) => results.push(r), busy: () => false });
    expect(pool.started).toBe(1);
    expect(prestart.takePrestarted(path.join(dist, 'worker.js'))).toBeNull(); // taken by the pool
    const files = Array.from({ length: 6 }, (_, i) => path.join(TMP, `early-${i}.ts`));
    for (const [i, file] of files.entries()) pool.add({ file, source: `export const r${i} = { model: 'm${i}' };\n` });
    await pool.close();
    expect(results.map((r) => r.file).sort()).toEqual([...files].sort());
    expect(results.every((r) => r.status === 'changed' && r.output?.includes("'M"))).toBe(true);
  });

  it('is stopped when no pool takes it', async () => {
    const dist = path.resolve(__dirname, '..', 'dist', 'src', 'runner');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const prestart = require(path.join(dist, 'prestart.js')) as typeof import('../src/runner/prestart');
    prestart.prestartWorker();
    prestart.discardPrestarted();
    expect(prestart.takePrestarted(path.join(dist, 'worker.js'))).toBeNull();
  });
});

describe('worker pool: is the machine busy?', () => {
  /** A machine of 2 CPUs whose clock, CPU times and load average the test sets. */
  function machine() {
    const state = { now: 0, busy: 0, total: 0, own: 0, load: 0 };
    const probe: CpuProbe = {
      now: () => state.now,
      machine: () => ({ busy: state.busy, total: state.total }),
      ownMs: () => state.own,
      loadavg: () => state.load,
      cpus: () => 2,
    };
    /** `ms` of wall time in which this process used `own` ms of CPU and other processes `others` ms. */
    const pass = (ms: number, own: number, others: number) => {
      state.now += ms;
      state.total += 2 * ms;
      state.busy += own + others;
      state.own += own;
    };
    return { state, probe, pass };
  }

  it("counts only other processes: this run's own threads, however busy, leave it free", () => {
    const m = machine();
    const busy = cpuSampler(m.probe);
    m.pass(1000, 2000, 0); // the main thread and a worker, both CPUs all the time
    expect(busy()).toBe(false);
  });

  it('is busy when other processes use more than half a CPU of two, whatever this run does', () => {
    const m = machine();
    const busy = cpuSampler(m.probe);
    m.pass(1000, 1000, 1000);
    expect(busy()).toBe(true);
    const n = machine();
    const quiet = cpuSampler(n.probe);
    n.pass(1000, 1200, 300);
    expect(quiet()).toBe(false);
  });

  it('falls back on the load average while its window is too short to tell', () => {
    const m = machine();
    const busy = cpuSampler(m.probe);
    m.state.load = 2.5;
    m.pass(100, 200, 0);
    expect(busy()).toBe(true);
    m.state.load = 0.5;
    expect(busy()).toBe(false);
  });
});

describe('worker pool prefetch', () => {
  it('hands waiting files ahead to a busy worker: every file gets one result', async () => {
    const script = path.resolve(__dirname, '..', 'dist', 'src', 'runner', 'worker.js');
    expect(fs.existsSync(script), 'npm run build first').toBe(true);
    const results: FileResult[] = [];
    const pool = new WorkerPool(script, { jobs: 1, init: { selection, options: {} }, onResult: (r) => results.push(r), busy: () => false });
    const files = Array.from({ length: 40 }, (_, i) => path.join(TMP, `prefetch-${i}.ts`));
    for (const [i, file] of files.entries()) pool.add({ file, source: `export const r${i} = { model: 'm${i}' };\n` });
    // Not ready yet: nothing to hand out, nothing lost.
    pool.prefetch(8);
    while (results.length === 0) await new Promise<void>((r) => setTimeout(r, 5));
    pool.prefetch(16); // while its batch runs
    pool.prefetch(16);
    await pool.close();
    expect(results.map((r) => r.file).sort()).toEqual([...files].sort());
    expect(results.every((r) => r.status === 'changed' && r.output?.includes("'M"))).toBe(true);
  });
});

describe('reports', () => {
  it('summary, Markdown and JSON carry every file, its reason, the markers and the diffs', async () => {
    const dir = tree('report', {
      'a.ts': "const req = { model: 'abc' };\nlegacyCall(req);\n",
      'b.ts': 'export {};\n',
      'c.ts': "const r = { model: 'x' };\nlet = ;\n",
    });
    const run = await analyse({ paths: ['.'], cwd: dir, selection, options: {}, jobs: 1 });
    const input = { cwd: dir, mode: 'preview' as const, files: run.files, codemods: run.codemods, options: {}, elapsedMs: 5, exitCode: 2, version: '0.0.0' };
    const plain = makeColors(false);
    const summary = formatSummary(input, { colors: plain, verbose: true });
    expect(summary).toMatch(/changed\s+a\.ts\s+by upper-model · 1 marker/);
    expect(summary).toMatch(/unchanged\s+b\.ts\s+no Claude-on-Bedrock code/);
    expect(summary).toMatch(/failed\s+c\.ts:2\s+syntax error/);
    expect(summary).toContain('Summary: 3 files, 1 changed, 1 unchanged, 0 skipped, 1 failed · 1 marker to review');

    const md = formatMarkdown(input);
    expect(md).toContain('| `upper-model` | 1 | 1 | 0 |');
    expect(md).toContain('- [ ] [`a.ts:2`](a.ts#L2) port legacyCall by hand _(upper-model)_');
    expect(md).toContain('- [`c.ts:2`](c.ts#L2) **failed**: syntax error');
    expect(md).toContain("<details><summary><code>a.ts</code> (+2 −1)</summary>\n\n```diff\n--- a/a.ts\n+++ b/a.ts\n@@ -1,2 +1,3 @@\n-const req = { model: 'abc' };\n+const req = { model: 'ABC' };\n");
    expect(md).toContain('| `c.ts:2` | failed | syntax error');

    const doc = JSON.parse(formatJson(input));
    expect(doc.files.map((f: { path: string; status: string }) => `${f.path}:${f.status}`)).toEqual(['a.ts:changed', 'b.ts:unchanged', 'c.ts:failed']);
    expect(doc.summary).toEqual({ files: 3, changed: 1, unchanged: 1, skipped: 0, failed: 1, written: 0, markers: 1 });
  });
});

describe('settings', () => {
  it('merges defaults, the config file and the command line (command line wins; --target adds to targets)', () => {
    const dir = tree('settings', {
      'bedrock-claude-codemod.config.json': JSON.stringify({ targets: { sonnet: 'a', haiku: 'b' }, profile: 'us', skip: ['converse-stream'], jobs: 3, ignore: ['fixtures/'] }),
      'sub/.keep': '',
    });
    const s = settingsFrom([], { codemodOptions: { targets: ['sonnet=c'], refusal: 'marker' } }, dir);
    expect(s.options.targets).toEqual({ sonnet: 'c', haiku: 'b' });
    expect(s.options.profile).toBe('us');
    expect(s.options.refusal).toBe('marker');
    expect(s.skip).toEqual(['converse-stream']);
    expect(s.jobs).toBe(3);
    expect(s.ignoreRules).toEqual([{ base: dir, patterns: ['fixtures/'] }]);
    // From a subdirectory, the file is found above and its ignore patterns are rebased.
    const sub = settingsFrom([], { codemodOptions: {}, jobs: '1' }, path.join(dir, 'sub'));
    expect(sub.configFile).toBe(path.join(dir, 'bedrock-claude-codemod.config.json'));
    expect(sub.jobs).toBe(1);
    expect(sub.ignoreRules).toEqual([{ base: dir, patterns: ['fixtures/'] }]);
    expect(() => settingsFrom([], { codemodOptions: { refusal: 'shrug' } }, dir)).toThrow(/--refusal must be one of/);
    expect(() => settingsFrom([], { codemodOptions: {}, jobs: '0' }, dir)).toThrow(/--jobs/);
  });

  it('rejects unknown config keys and badly typed values', () => {
    const dir = tree('badconfig', { 'a.json': '{"jobs": "many"}', 'b.json': '{"targetz": {}}', 'c.json': '[1]' });
    expect(() => loadConfig(path.join(dir, 'a.json'))).toThrow(/"jobs" must be a positive integer/);
    expect(() => loadConfig(path.join(dir, 'b.json'))).toThrow(/unknown key "targetz"/);
    expect(() => loadConfig(path.join(dir, 'c.json'))).toThrow(/must be a JSON object/);
  });
});

describe('writing', () => {
  it('writes atomically keeping the mode, and refuses files changed on disk since they were read', async () => {
    const { writeChangedFile } = await import('../src/runner/write');
    const dir = tree('write', { 'a.sh': 'echo old\r\n', 'b.ts': 'old\n' });
    const a = path.join(dir, 'a.sh');
    fs.chmodSync(a, 0o754);
    writeChangedFile(a, 'echo old\r\n', 'echo new\r\n');
    expect(fs.readFileSync(a, 'utf8')).toBe('echo new\r\n');
    expect(fs.statSync(a).mode & 0o777).toBe(0o754);
    const b = path.join(dir, 'b.ts');
    expect(() => writeChangedFile(b, 'what the run read\n', 'new\n')).toThrow(/changed on disk during the run/);
    expect(fs.readFileSync(b, 'utf8')).toBe('old\n');
    fs.chmodSync(b, 0o444);
    expect(() => writeChangedFile(b, 'old\n', 'new\n')).toThrow(/read-only/);
    expect(fs.readFileSync(b, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.sh', 'b.ts']);
  });
});
