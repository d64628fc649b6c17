import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main';
import type { Io } from '../src/cli/run';
import { checkOutput } from '../src/runner/validate';
import { byPath, cleanup, cli, commit, CURRENT, LEGACY, makeFixture, ROOT, snapshot, spawnCli, tempFiles, using } from './support/fault-repo';

/**
 * The runner's safety guarantees, tested as faults (docs/cli.md, "Safety"): temp git repositories with real
 * files, the built CLI, and codemod modules that throw, print garbage or never return. Each case checks the
 * message naming the file, that the other files are migrated, the exit code, that nothing outside the paths
 * changed, and that no file is half-written.
 */
const code = (id = LEGACY, extra = '') => `${extra}export const model = '${id}';\nexport const fallback = '${id}';\n`;
const migrated = (extra = '') => code(CURRENT, extra);
const read = (file: string) => fs.readFileSync(file, 'utf8');

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
});
afterAll(cleanup);

describe('writes stay inside the paths given', () => {
  it('links out of the tree are skipped with a reason and never written; a file reached twice is read once; loops end', () => {
    const f = makeFixture(
      { 'src/real.ts': code(), 'src/h1.ts': code(), 'other/kept.ts': code() },
      { 'models.ts': code(), 'pkg/index.ts': code() },
    );
    const src = path.join(f.repo, 'src');
    fs.symlinkSync('../../outside/models.ts', path.join(src, 'link.ts'));
    fs.symlinkSync('../../outside/pkg', path.join(src, 'ext'));
    fs.symlinkSync('../other/kept.ts', path.join(src, 'to-other.ts'));
    fs.symlinkSync('real.ts', path.join(src, 'alias.ts'));
    fs.symlinkSync('.', path.join(src, 'loop'));
    fs.symlinkSync('pong.ts', path.join(src, 'ping.ts'));
    fs.symlinkSync('ping.ts', path.join(src, 'pong.ts'));
    fs.linkSync(path.join(src, 'h1.ts'), path.join(src, 'h2.ts'));
    fs.linkSync(path.join(src, 'h1.ts'), path.join(f.outside, 'h3.ts'));
    commit(f.repo);
    const outsideBefore = snapshot(f.outside);
    const otherBefore = read(path.join(f.repo, 'other', 'kept.ts'));

    // A link named on the command line: taken when it ends inside the repository, refused when it leads out.
    const named = byPath(cli(f.repo, ['src/alias.ts', 'src/link.ts', '--json', ...using(f, 'swap')]).out);
    expect(Object.keys(named).sort()).toEqual(['src/link.ts', 'src/real.ts']);
    expect(named['src/real.ts']!.status).toBe('changed');
    expect(named['src/link.ts']).toMatchObject({ status: 'skipped', reason: expect.stringContaining('symbolic link to outside the tree') });

    // A link from one given path into another is inside the tree: the file is read once, at its real path.
    const both = byPath(cli(f.repo, ['src', 'other', '--json', ...using(f, 'swap')]).out);
    expect(both['other/kept.ts']!.status).toBe('changed');
    expect(both['src/to-other.ts']).toBeUndefined();

    const r = cli(f.repo, ['src', '--write', '--json', ...using(f, 'swap')]);
    expect(r.code, r.err).toBe(0);
    const files = byPath(r.out);
    expect(files['src/real.ts']!.status).toBe('changed');
    expect(files['src/alias.ts']).toBeUndefined(); // read once, by its real path
    for (const link of ['src/link.ts', 'src/ext', 'src/to-other.ts']) {
      expect(files[link], link).toMatchObject({ status: 'skipped', reason: expect.stringContaining('symbolic link to outside the tree') });
    }
    expect(files['src/loop']!.reason).toMatch(/symbolic link loop/);
    expect(files['src/ping.ts']!.reason).toMatch(/symbolic link loop/);
    expect(files['src/h1.ts']!.reason).toMatch(/written as a new file: its 2 other hard link\(s\) keep the old text/);
    expect(files['src/h2.ts']).toMatchObject({ status: 'skipped', reason: 'hard link to h1.ts, already read there' });

    expect(read(path.join(src, 'real.ts'))).toBe(migrated());
    expect(read(path.join(src, 'h1.ts'))).toBe(migrated());
    expect(fs.lstatSync(path.join(src, 'alias.ts')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(src, 'link.ts')).isSymbolicLink()).toBe(true);
    expect(snapshot(f.outside)).toEqual(outsideBefore);
    expect(read(path.join(f.repo, 'other', 'kept.ts'))).toBe(otherBefore);
    expect(tempFiles(f.base)).toEqual([]);

    // A second run over everything the first one wrote changes nothing.
    commit(f.repo);
    // (src/h2.ts is not among them: it still holds the old text, shared with its outside hard link.)
    expect(cli(f.repo, ['src/real.ts', 'src/h1.ts', '--check', ...using(f, 'swap')]).code).toBe(0);
  });
});

describe('paths through links', () => {
  it('a path that reaches the repository through a link is migrated and written at the real file; one that leaves it is refused', () => {
    const f = makeFixture({ 'src/a.ts': code() }, { 'b.ts': code() });
    const via = path.join(f.base, 'via');
    fs.symlinkSync('space', via);
    fs.symlinkSync(path.join(f.outside, 'b.ts'), path.join(f.base, 'b-link.ts'));
    const r = cli(f.repo, [path.join(via, 'src'), path.join(f.base, 'b-link.ts'), '--write', '--json', ...using(f, 'swap')]);
    expect(r.code, r.err).toBe(0);
    const files = Object.values(byPath(r.out));
    expect(files.map((x) => [x.status, x.reason.split(' (')[0]])).toEqual([
      ['skipped', 'symbolic link to outside the tree'],
      ['changed', 'by swap'],
    ]);
    expect(read(path.join(f.repo, 'src', 'a.ts'))).toBe(migrated());
    expect(fs.lstatSync(via).isSymbolicLink()).toBe(true);
    expect(read(path.join(f.outside, 'b.ts'))).toBe(code());
  });
});

describe('odd files', () => {
  it('binary, non-UTF-8, 10 MB minified, empty, spaces and unicode in paths, CRLF with BOM: each gets its reason, the rest is migrated', () => {
    const bundle = `var m='${LEGACY}';` + 'x=1;'.repeat((10 * 1024 * 1024) / 4);
    const f = makeFixture({
      'src/binary.ts': Buffer.concat([Buffer.from(code()), Buffer.from([0, 1, 2, 0])]),
      'src/latin1.ts': Buffer.from(`// caf\u00e9\n${code()}`, 'latin1'),
      'src/bundle.js': bundle,
      'src/empty.ts': '',
      'src/my dir/módulo ü.ts': code(),
      'src/crlf.ts': '\uFEFF' + code().replace(/\n/g, '\r\n'),
    });
    const r = cli(f.repo, ['src', '--write', '--json', ...using(f, 'swap')]);
    expect(r.code, r.err).toBe(0);
    const files = byPath(r.out);
    expect(files['src/binary.ts']).toMatchObject({ status: 'skipped', reason: 'binary content' });
    expect(files['src/latin1.ts']).toMatchObject({ status: 'skipped', reason: 'not UTF-8 text' });
    expect(files['src/bundle.js']!.status).toBe('skipped');
    expect(files['src/bundle.js']!.reason).toMatch(/larger than 2\.0 MB \(10\.0 MB\)/);
    expect(files['src/empty.ts']!.status).toBe('unchanged');
    expect(files['src/my dir/módulo ü.ts']!.status).toBe('changed');
    expect(read(path.join(f.repo, 'src/my dir/módulo ü.ts'))).toBe(migrated());
    expect(read(path.join(f.repo, 'src/crlf.ts'))).toBe('\uFEFF' + migrated().replace(/\n/g, '\r\n'));
    expect(read(path.join(f.repo, 'src/bundle.js'))).toBe(bundle);

    // The dirty-tree check reads such names too, and a second run changes nothing.
    const dirty = cli(f.repo, ['src', '--write', ...using(f, 'swap')]);
    expect(dirty.code).toBe(2);
    expect(dirty.err).toContain('src/my dir/módulo ü.ts');
    commit(f.repo);
    expect(cli(f.repo, ['src', '--check', ...using(f, 'swap')]).code).toBe(0);
  });

  it('read-only files and directories are refused with the reason; the others are written', () => {
    const f = makeFixture({ 'src/ro.ts': code(), 'src/ok.ts': code(), 'locked/inner.ts': code() });
    fs.chmodSync(path.join(f.repo, 'src', 'ro.ts'), 0o444);
    fs.chmodSync(path.join(f.repo, 'locked'), 0o555);
    const before = snapshot(f.repo);
    const r = cli(f.repo, ['src', 'locked', '--write', '--json', ...using(f, 'swap')]);
    fs.chmodSync(path.join(f.repo, 'locked'), 0o755);
    expect(r.code).toBe(2);
    const files = byPath(r.out);
    expect(files['src/ro.ts']).toMatchObject({ status: 'failed', reason: 'file is read-only; not written' });
    expect(files['locked/inner.ts']!.status).toBe('failed');
    expect(files['locked/inner.ts']!.reason).toMatch(/its directory is read-only/);
    expect(read(path.join(f.repo, 'src', 'ok.ts'))).toBe(migrated());
    const after = snapshot(f.repo);
    for (const rel of ['src/ro.ts', path.join('locked', 'inner.ts')]) expect(after[rel], rel).toBe(before[rel]);
    expect(tempFiles(f.base)).toEqual([]);
  });
});

describe('faults in a codemod cost that file only', () => {
  it('a codemod that throws, prints code that does not parse, never returns, ends its thread or prints to stdout: the file is reported, the rest is written', () => {
    const f = makeFixture({
      'src/crash.ts': code(LEGACY, '// CRASH\n'),
      'src/garbage.ts': code(LEGACY, "export const x = 'GARBAGE';\n"),
      'src/good.ts': code(),
      'src/hang.ts': code(LEGACY, '// HANG\n'),
      'src/later.ts': code(),
      'src/throw.ts': code(LEGACY, '// THROW\n'),
    });
    const before = snapshot(f.repo);
    const started = Date.now();
    const r = cli(f.repo, ['src', '--write', '--json', '--file-timeout', '1', ...using(f, 'swap', 'chatty', 'garbage', 'thrower', 'hang', 'crash')]);
    expect(r.code, r.err).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000);
    const files = byPath(r.out); // the JSON document parses: what the codemod printed went to stderr
    expect(files['src/garbage.ts']!.status).toBe('failed');
    expect(files['src/garbage.ts']!.reason).toMatch(/^garbage produced output that does not parse: .*\(line 1 of the output\); not written$/);
    expect(files['src/throw.ts']).toMatchObject({ status: 'failed', reason: expect.stringContaining('thrower: cannot read properties of undefined') });
    expect(files['src/hang.ts']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^stopped after 1 s on this file .*--file-timeout/) });
    expect(files['src/crash.ts']).toMatchObject({ status: 'failed', reason: 'the worker thread stopped while on this file (exit code 3); not written' });
    for (const rel of ['src/good.ts', 'src/later.ts']) {
      expect(files[rel]!.status, rel).toBe('changed');
      expect(read(path.join(f.repo, rel))).toBe(migrated());
    }
    const after = snapshot(f.repo);
    for (const rel of ['src/crash.ts', 'src/garbage.ts', 'src/hang.ts', 'src/throw.ts']) expect(after[rel], rel).toBe(before[rel]);
  });

  it('hunks chosen in an interactive review that do not parse without the others are not written (exit 2)', () => {
    const settings = ['const settings = {', ...Array.from({ length: 10 }, (_, i) => `  key${i}: ${i},`), '};', 'export default settings;', ''].join('\n');
    const f = makeFixture({ 'src/settings.ts': settings, 'src/other.ts': code() });
    // other.ts: yes; settings.ts: go hunk by hunk, take the first (the opening line), leave the second (the closing one).
    const r = cli(f.repo, ['src', '--interactive', ...using(f, 'wrap', 'swap')], 'y\nh\ny\nn\n');
    expect(r.code, r.err).toBe(2);
    expect(r.out).toMatch(/failed\s+src\/settings\.ts:12\s+the hunks chosen give code that does not parse: .*; not written \(apply them together, or none\)/);
    expect(read(path.join(f.repo, 'src', 'settings.ts'))).toBe(settings);
    expect(read(path.join(f.repo, 'src', 'other.ts'))).toBe(migrated());
  });

  it('the output check knows each format: scripts by their parser, JSON, YAML and TOML by their parsers, every config file by its structure', () => {
    expect(checkOutput('a.ts', 'const a = 1;\n', 'const a = 2;\n')).toBeNull();
    expect(checkOutput('a.ts', 'const a = 1;\n', 'const a = 1;\nconst = ;\n')).toMatchObject({ line: 2, message: expect.stringMatching(/^does not parse/) });
    expect(checkOutput('a.tsx', '', '#!/usr/bin/env node\nconst a = <b />;\n')).toBeNull();
    // A text the engine parsed already is not parsed again (the engine's verdict stands); any other text is.
    expect(checkOutput('a.ts', '', '\uFEFF#!/usr/bin/env node\nconst = ;\n', '\nconst = ;\n')).toBeNull();
    expect(checkOutput('a.ts', '', 'const = ;\n', 'const a = 1;\n')).toMatchObject({ line: 1, message: expect.stringMatching(/^does not parse/) });
    expect(checkOutput('c.json', '{"m": "a"}', '{"m": "b"}')).toBeNull();
    expect(checkOutput('c.json', '{"m": "a"}', '{"m": "b"\n')).toMatchObject({ message: expect.stringMatching(/^not valid JSON/) });
    // JSON with comments (tsconfig-style) and YAML: only ID-like tokens may change.
    expect(checkOutput('tsconfig.json', '{ // c\n "m": "a.b" }', '{ // c\n "m": "us.a.b:0" }')).toBeNull();
    expect(checkOutput('tsconfig.json', '{ // c\n "m": "a.b" }', '{ // c\n "m": "a.b }')).toMatchObject({ line: 2 });
    expect(checkOutput('v.yaml', `model: ${LEGACY}\nlist:\n  - x\n`, `model: global.${CURRENT}\nlist:\n  - x\n`)).toBeNull();
    expect(checkOutput('v.yaml', `model: ${LEGACY}\nlist:\n  - x\n`, `model: ${CURRENT}\nlist:\n- x\n`)).toMatchObject({ line: 3 });
    expect(checkOutput('.env', `A=${LEGACY}\n`, `A="${CURRENT}\n`)).toMatchObject({ line: 1 });
    // YAML and TOML that no longer parse are named as such, with the line.
    expect(checkOutput('v.yml', `model: ${LEGACY}\n`, `model: [${CURRENT}\n`)).toMatchObject({ line: 2, message: expect.stringMatching(/^not valid YAML/) }); // the unclosed flow sequence is noticed where the next line starts
    expect(checkOutput('m.toml', `model = "${LEGACY}"\n`, `model = "global.${CURRENT}"\n`)).toBeNull();
    expect(checkOutput('m.toml', `model = "${LEGACY}"\n`, `model = "${CURRENT}\n`)).toMatchObject({ line: 1, message: expect.stringMatching(/^not valid TOML/) });
  });
});

describe('files that change between the preview and the write', () => {
  it('a file changed, deleted or replaced by a link while the prompt waits is not written (exit 2); the others are', async () => {
    const f = makeFixture({ 'src/a.ts': code(), 'src/b.ts': code(), 'src/c.ts': code(), 'src/d.ts': code() }, { 'target.ts': code() });
    const outsideBefore = snapshot(f.outside);
    const child = spawnCli(f.repo, ['src', '--interactive', ...using(f, 'swap')]);
    let out = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!answered && out.includes('Apply the changes to')) {
        answered = true;
        fs.appendFileSync(path.join(f.repo, 'src', 'b.ts'), '// edited meanwhile\n');
        fs.rmSync(path.join(f.repo, 'src', 'c.ts'));
        fs.rmSync(path.join(f.repo, 'src', 'd.ts'));
        fs.symlinkSync('../../outside/target.ts', path.join(f.repo, 'src', 'd.ts'));
        child.stdin.end('a\n');
      }
    });
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(exit).toBe(2);
    expect(out).toMatch(/failed\s+src\/b\.ts\s+changed on disk during the run; not written/);
    expect(out).toMatch(/failed\s+src\/c\.ts\s+deleted since it was read; not written/);
    expect(out).toMatch(/failed\s+src\/d\.ts\s+now leads to .*outside.*target\.ts \(a symbolic link was put in its place\); not written/);
    expect(read(path.join(f.repo, 'src', 'a.ts'))).toBe(migrated());
    expect(read(path.join(f.repo, 'src', 'b.ts'))).toBe(code() + '// edited meanwhile\n');
    expect(snapshot(f.outside)).toEqual(outsideBefore);
  });

  it('a full disk (a write error) leaves that file unchanged and no temp file; the others are written (exit 2)', async () => {
    const f = makeFixture({ 'src/a.ts': code(), 'src/b.ts': code(), 'src/c.ts': code() });
    const opened = new Map<number, string>();
    const realOpen = fs.openSync;
    const realWrite = fs.writeSync;
    const open = vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(file, ...rest);
      opened.set(fd, String(file));
      return fd;
    }) as typeof fs.openSync);
    const write = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (path.basename(opened.get(fd) ?? '').startsWith('b.ts.')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    let out = '';
    const sink = (collect: boolean) =>
      new Writable({
        write(chunk: Buffer, _enc, done) {
          if (collect) out += chunk.toString();
          done();
        },
      }) as unknown as NodeJS.WriteStream;
    const io: Io = { stdin: Readable.from([]), stdout: sink(true), stderr: sink(false), cwd: f.repo, env: { CI: '1', NO_COLOR: '1' } };
    let exit: number;
    try {
      exit = await main(['src', '--write', '--json', '--file-timeout', '0', ...using(f, 'swap')], io);
    } finally {
      open.mockRestore();
      write.mockRestore();
    }
    expect(exit).toBe(2);
    const files = byPath(out);
    expect(files['src/b.ts']).toMatchObject({ status: 'failed', reason: 'disk full (ENOSPC); not written, the file is unchanged' });
    expect(read(path.join(f.repo, 'src', 'b.ts'))).toBe(code());
    for (const rel of ['a.ts', 'c.ts']) expect(read(path.join(f.repo, 'src', rel))).toBe(migrated());
    expect(fs.readdirSync(path.join(f.repo, 'src')).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });
});

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-write: the file being written is finished, no other is touched, every file is old or fully new (exit %i)', async (signal, expected) => {
    const count = 120;
    const body = (id: string, i: number) => Array.from({ length: 20 }, (_, k) => `export const m${i}_${k} = '${id}';\n`).join('');
    const name = (i: number) => path.join('many', `m${String(i).padStart(3, '0')}.ts`);
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[name(i)] = body(LEGACY, i);
    const f = makeFixture(files);
    // Nobody reads the diffs at first: once the pipe is full, the run waits in the middle of its writes.
    const child = spawnCli(f.repo, ['many', '--write', ...using(f, 'swap')]);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const first = path.join(f.repo, name(0));
    for (let waited = 0; read(first) === body(LEGACY, 0) && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exit = await closed;
    expect(exit).toBe(expected);
    let written = 0;
    for (let i = 0; i < count; i++) {
      const text = read(path.join(f.repo, name(i)));
      if (text === body(LEGACY, i)) continue;
      expect(text).toBe(body(CURRENT, i));
      written++;
    }
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(count);
    expect(out).toContain('not written (interrupted)');
    expect(out).toMatch(new RegExp(`Summary: ${count} files, ${count} changed, .* · ${written} written`));
    expect(tempFiles(f.base)).toEqual([]);
  });
});

describe('code from the tree runs only when asked', () => {
  it('codemod modules named in a config file found in the tree need --trust-config or --config, and are announced before they run', () => {
    const f = makeFixture({
      'src/a.ts': code(),
      'bedrock-claude-codemod.config.json': JSON.stringify({ codemodModules: ['tools/sneaky.js'], only: ['sneaky'] }),
      'tools/sneaky.js': `require('fs').writeFileSync(require('path').join(__dirname, '..', '..', 'sneaky-ran'), 'x');
module.exports = { name: 'sneaky', mentions: ['${LEGACY}'], run() { return false; } };
`,
    });
    const ran = path.join(f.base, 'sneaky-ran');
    const refused = cli(f.repo, ['src']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('bedrock-claude-codemod.config.json names codemod modules that would run code from the repository: tools/sneaky.js');
    expect(refused.err).toContain('--trust-config');
    expect(fs.existsSync(ran)).toBe(false);

    const trusted = cli(f.repo, ['src', '--trust-config']);
    expect(trusted.code, trusted.err).toBe(0);
    expect(trusted.err).toContain('note: running codemod modules named in bedrock-claude-codemod.config.json: tools/sneaky.js');
    expect(fs.existsSync(ran)).toBe(true);
    fs.rmSync(ran);

    expect(cli(f.repo, ['src', '--config', 'bedrock-claude-codemod.config.json']).code).toBe(0);
    expect(fs.existsSync(ran)).toBe(true);
  });
});
