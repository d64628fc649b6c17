import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CLI as a user runs it: the built binary, in temporary git repositories. The runner is exercised
 * with a small local codemod module (--codemod-module) so these tests do not depend on what the
 * built-in codemods change; one test runs the built-in manifest (`list`).
 */
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'bedrock-claude-codemod.js');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-cli-'));
const CODEMOD = path.join(TMP, 'swap-model.js');

// Renames one legacy ID and leaves a marker on every legacyCall(...) statement.
const CODEMOD_SOURCE = `module.exports = {
  name: 'swap-model',
  mentions: ['anthropic.claude-v2', 'legacyCall'],
  run(ctx) {
    const { j, root } = ctx;
    let changed = false;
    root.find(j.StringLiteral, { value: 'anthropic.claude-v2' }).forEach((p) => {
      p.replace(j.stringLiteral('anthropic.claude-sonnet-4-6'));
      changed = true;
    });
    root.find(j.CallExpression, { callee: { name: 'legacyCall' } }).forEach((p) => {
      ctx.marker(p, 'legacyCall() has no Converse equivalent; port it by hand');
    });
    return changed;
  },
};
`;

const CHAT_CRLF = [
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  '',
  "const MODEL_ID = 'anthropic.claude-v2';",
  'export function ask(client: BedrockRuntimeClient, prompt: string) {',
  '  legacyCall(client, MODEL_ID, prompt);',
  '}',
  'declare function legacyCall(...args: unknown[]): void;',
  '',
].join('\r\n');

const CONFIG_JS = `// Model choices for the summariser.
const models = {
  default: "anthropic.claude-v2",
  fallback: "anthropic.claude-v2",
};
module.exports = models;
`;

const files: Record<string, string> = {
  'src/chat.ts': CHAT_CRLF,
  'src/config.js': CONFIG_JS,
  'src/plain.ts': 'export const answer = 42;\n',
  'broken/bad.ts': 'const id = "anthropic.claude-v2";\nfunction (\n',
  'node_modules/dep/index.js': 'module.exports = "anthropic.claude-v2";\n',
  'generated/out.ts': 'export const id = "anthropic.claude-v2";\n',
  '.gitignore': 'generated/\n',
};

let counter = 0;
function makeRepo(extra: Record<string, string> = {}): string {
  const dir = path.join(TMP, `repo-${++counter}`);
  for (const [rel, text] of Object.entries({ ...files, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '-A');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
  return dir;
}

function cli(cwd: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const withCodemod = ['--codemod-module', CODEMOD, '--only', 'swap-model'];
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

beforeAll(() => {
  fs.writeFileSync(CODEMOD, CODEMOD_SOURCE);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
});
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('preview (the default)', () => {
  it('prints unified diffs and a summary with a reason per file, and writes nothing', () => {
    const dir = makeRepo();
    const r = cli(dir, ['src', ...withCodemod]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--- a/src/chat.ts\n+++ b/src/chat.ts');
    expect(r.out).toContain("-const MODEL_ID = 'anthropic.claude-v2';\n+const MODEL_ID = 'anthropic.claude-sonnet-4-6';");
    expect(r.out).toMatch(/changed\s+src\/chat\.ts\s+by swap-model · 1 marker/);
    expect(r.out).toMatch(/changed\s+src\/config\.js\s+by swap-model/);
    expect(r.out).toMatch(/unchanged\s+1 file\s+no Claude-on-Bedrock code in it \(pre-filter\)/);
    expect(r.out).toMatch(/src\/chat\.ts:5\s+\[swap-model\] legacyCall\(\) has no Converse equivalent/);
    expect(r.out).toContain('Preview only: nothing was written');
    expect(r.out).not.toMatch(/\u001b\[/); // NO_COLOR and a pipe: no escape codes
    expect(read(dir, 'src/chat.ts')).toBe(CHAT_CRLF);
    expect(read(dir, 'src/config.js')).toBe(CONFIG_JS);
    // --verbose names the unchanged file too.
    expect(cli(dir, ['src', '--verbose', ...withCodemod]).out).toMatch(/unchanged\s+src\/plain\.ts\s+no Claude-on-Bedrock code/);
  });

  it('reports a syntax error with its line and still migrates the other files; skips ignored and dependency folders', () => {
    const dir = makeRepo();
    const r = cli(dir, ['.', '--json', ...withCodemod]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    // The documented schema (docs/cli.md): these keys, in this order.
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'mode', 'exitCode', 'codemods', 'options', 'summary', 'perCodemod', 'elapsedMs', 'files']);
    expect(Object.keys(doc.files[0])).toEqual(['path', 'status', 'reason', 'changedBy', 'written', 'error', 'markers', 'notes', 'diff']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.mode).toBe('preview');
    expect(doc.exitCode).toBe(2);
    const byPath = Object.fromEntries(doc.files.map((f: { path: string }) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(['broken/bad.ts', 'src/chat.ts', 'src/config.js', 'src/plain.ts']);
    expect(byPath['broken/bad.ts'].status).toBe('failed');
    expect(byPath['broken/bad.ts'].error.line).toBe(2);
    expect(byPath['src/chat.ts'].status).toBe('changed');
    expect(byPath['src/chat.ts'].markers).toEqual([
      { codemod: 'swap-model', line: 5, message: 'legacyCall() has no Converse equivalent; port it by hand' },
    ]);
    expect(byPath['src/chat.ts'].diff).toContain('+++ b/src/chat.ts');
    expect(byPath['src/plain.ts']).toMatchObject({ status: 'unchanged', diff: null, written: false });
    expect(doc.summary).toMatchObject({ files: 4, changed: 2, unchanged: 1, failed: 1, written: 0, markers: 1 });
    expect(doc.perCodemod['swap-model']).toEqual({ files: 2, markers: 1, notes: 0 });
    // The human summary names the failing file with its line.
    const human = cli(dir, ['.', ...withCodemod]).out;
    expect(human).toMatch(/failed\s+broken\/bad\.ts:2\s+syntax error/);
    expect(human).toContain('not walked node_modules: dependencies or build output');
  });
});

describe('--check', () => {
  it('exits 1 when something would change, 0 when nothing would; a rewritten report does not make the tree dirty', () => {
    const dir = makeRepo();
    const pending = cli(dir, ['src', '--check', '--report', 'src/migration.md', ...withCodemod]);
    expect(pending.code).toBe(1);
    expect(pending.out).toContain('migrations are pending');
    expect(cli(dir, ['src/plain.ts', '--check', ...withCodemod]).code).toBe(0);
    expect(read(dir, 'src/chat.ts')).toBe(CHAT_CRLF);
    // The untracked report counts as uncommitted work, except for the run that rewrites it.
    const refused = cli(dir, ['src', '--write', ...withCodemod]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('?? src/migration.md');
    expect(cli(dir, ['src', '--write', '--report', 'src/migration.md', ...withCodemod]).code).toBe(0);
    expect(read(dir, 'src/chat.ts')).not.toBe(CHAT_CRLF);
  });
});

describe('--write', () => {
  it('refuses a dirty tree unless --allow-dirty, then writes atomically keeping CRLF and mode; a second run changes nothing', () => {
    const dir = makeRepo();
    fs.appendFileSync(path.join(dir, 'src/plain.ts'), '// local edit\n');
    const refused = cli(dir, ['.', '--write', ...withCodemod]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('uncommitted changes');
    expect(refused.err).toContain('src/plain.ts');
    expect(read(dir, 'src/chat.ts')).toBe(CHAT_CRLF);

    fs.chmodSync(path.join(dir, 'src/config.js'), 0o640);
    const r = cli(dir, ['.', '--write', '--allow-dirty', '--report', 'migration.md', ...withCodemod]);
    expect(r.code).toBe(2); // broken/bad.ts failed; the others are migrated anyway
    const chat = read(dir, 'src/chat.ts');
    expect(chat).toContain("const MODEL_ID = 'anthropic.claude-sonnet-4-6';\r\n");
    expect(chat).toContain('  // TODO(bedrock-claude-codemod): legacyCall() has no Converse equivalent; port it by hand\r\n');
    expect(chat.replace(/\r\n/g, '')).not.toContain('\n');
    expect(read(dir, 'src/config.js')).toBe(CONFIG_JS.replace(/anthropic\.claude-v2/g, 'anthropic.claude-sonnet-4-6'));
    expect(fs.statSync(path.join(dir, 'src/config.js')).mode & 0o777).toBe(0o640);
    expect(read(dir, 'broken/bad.ts')).toBe(files['broken/bad.ts']);
    expect(read(dir, 'generated/out.ts')).toBe(files['generated/out.ts']);
    expect(fs.readdirSync(path.join(dir, 'src')).sort()).toEqual(['chat.ts', 'config.js', 'plain.ts']); // no temp files left
    expect(r.out).toMatch(/Summary: 4 files, 2 changed, 1 unchanged, 0 skipped, 1 failed · 2 written/);

    const report = read(dir, 'migration.md');
    expect(report).toContain('**2 files changed** (2 written) by `swap-model`');
    expect(report).toContain('4 files read: 2 changed, 1 unchanged, 0 skipped, 1 failed.');
    expect(report).toContain('| `swap-model` | 2 | 1 | 0 |');
    expect(report).toContain('| `broken/bad.ts:2` | failed | syntax error');
    expect(report).toContain('- [`broken/bad.ts:2`](broken/bad.ts#L2) **failed**: syntax error');
    expect(report).toContain('- [ ] [`src/chat.ts:5`](src/chat.ts#L5) legacyCall() has no Converse equivalent; port it by hand _(swap-model)_');
    expect(report).toMatch(/<details><summary><code>src\/config\.js<\/code> \(\+\d+ −\d+\)<\/summary>\n\n```diff\n--- a\/src\/config\.js/);

    const again = cli(dir, ['src', '--check', ...withCodemod]);
    expect(again.code).toBe(0);
  });
});

describe('--interactive', () => {
  it('takes answers on stdin: per file, per hunk, and quit keeps what was accepted', () => {
    const dir = makeRepo({ 'src/third.js': 'exports.id = "anthropic.claude-v2";\n' });
    // chat.ts: hunk by hunk (accept the ID, decline the marker); config.js: no; third.js: never asked (quit before).
    const r = cli(dir, ['src', '-i', ...withCodemod], 'h\ny\nn\nn\nq\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Apply the changes to src/chat.ts? (1/3)');
    expect(r.out).toContain('Apply this hunk? (2/2)');
    const chat = read(dir, 'src/chat.ts');
    expect(chat).toContain("'anthropic.claude-sonnet-4-6'");
    expect(chat).not.toContain('TODO(bedrock-claude-codemod)');
    expect(chat.replace(/\r\n/g, '')).not.toContain('\n');
    expect(read(dir, 'src/config.js')).toBe(CONFIG_JS);
    expect(read(dir, 'src/third.js')).toContain('anthropic.claude-v2');
    expect(r.out).toMatch(/chat\.ts\s+by swap-model · 1 of 2 hunks applied · written/);
    expect(r.out).toMatch(/config\.js\s+by swap-model · declined/);
    expect(r.out).toMatch(/third\.js\s+by swap-model · not applied \(quit\)/);

    // "all" applies the current file and every later one without asking again.
    const dir2 = makeRepo({ 'src/third.js': 'exports.id = "anthropic.claude-v2";\n' });
    const all = cli(dir2, ['src', '--interactive', ...withCodemod], 'n\na\n');
    expect(all.code).toBe(0);
    expect(read(dir2, 'src/chat.ts')).toBe(CHAT_CRLF);
    expect(read(dir2, 'src/config.js')).toContain('anthropic.claude-sonnet-4-6');
    expect(read(dir2, 'src/third.js')).toContain('anthropic.claude-sonnet-4-6');
    expect(all.out.match(/Apply the changes/g)).toHaveLength(2);
  });
});

describe('config file and odd files', () => {
  it('reads bedrock-claude-codemod.config.json, rejects unknown keys, and skips binary, huge and looping paths with a reason', () => {
    const dir = makeRepo();
    fs.writeFileSync(path.join(dir, 'bedrock-claude-codemod.config.json'), JSON.stringify({ paths: ['src'], codemodModules: [CODEMOD], only: ['swap-model'], maxFileSize: '1k' }));
    fs.writeFileSync(path.join(dir, 'src', 'blob.js'), Buffer.from([0x61, 0x00, 0x62, 0x63]));
    fs.writeFileSync(path.join(dir, 'src', 'huge.js'), `// anthropic.claude-v2\n${'x'.repeat(2048)}\n`);
    fs.symlinkSync('.', path.join(dir, 'src', 'loop'));
    const r = cli(dir, ['--json', '--trust-config']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const byPath = Object.fromEntries(doc.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['src/blob.js']).toMatchObject({ status: 'skipped', reason: 'binary content' });
    expect(byPath['src/huge.js'].status).toBe('skipped');
    expect(byPath['src/huge.js'].reason).toMatch(/larger than 1 KB/);
    expect(byPath['src/loop'].reason).toMatch(/symbolic link loop/);
    expect(byPath['src/chat.ts'].status).toBe('changed');

    fs.writeFileSync(path.join(dir, 'bedrock-claude-codemod.config.json'), JSON.stringify({ onlyy: ['x'] }));
    const bad = cli(dir, []);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown key "onlyy"');
  });
});

describe('help, list and usage errors', () => {
  it('--help lists every option, each documented in docs/cli.md; list shows the manifest; bad usage exits 2', () => {
    const dir = makeRepo();
    const help = cli(dir, ['--help']);
    expect(help.code).toBe(0);
    const docs = fs.readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const flags = [...help.out.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
    expect(flags).toContain('--write');
    expect(flags).toContain('--target');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const flag of flags) {
      expect(docs, `docs/cli.md documents ${flag}`).toContain(flag);
      expect(readme, `README.md documents ${flag}`).toContain(`\`${flag}`);
    }
    for (const command of ['detect', 'verify', 'list']) {
      const sub = cli(dir, [command, '--help']);
      for (const m of sub.out.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)) {
        expect(docs, `docs/cli.md documents ${command} ${m[1]}`).toContain(m[1]);
        expect(readme, `README.md documents ${command} ${m[1]}`).toContain(`\`${m[1]}`);
      }
    }

    const list = cli(dir, ['list']);
    expect(list.code).toBe(0);
    for (const name of ['model-ids', 'text-editor-tool', 'invoke-to-converse', 'converse-stream', 'refusal-stop-reason']) expect(list.out).toContain(name);
    expect(list.out).toMatch(/anthropic\.claude-sonnet-4-6\s+Claude Sonnet 4\.6\s+sonnet\s+active/);
    expect(list.out).toMatch(/anthropic\.claude-v2\s+Claude 2\.0\s+v2\s+retired/);

    const unknown = cli(dir, ['--only', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown codemod "nope"');
    expect(cli(dir, ['--check', '--write']).code).toBe(2);
    expect(cli(dir, ['--bogus']).code).toBe(2);
    const timeout = cli(dir, ['--file-timeout', 'soon']);
    expect(timeout.code).toBe(2);
    expect(timeout.err).toContain('--file-timeout must be a number of seconds');
  });
});

describe('detect, verify and the demo app', () => {
  it('detect lists every call site of the demo app with its API and the codemod that handles it', () => {
    const r = cli(ROOT, ['detect', 'examples/legacy-app', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const calls = doc.findings
      .filter((f: { kind: string }) => f.kind === 'call')
      .map((f: { path: string; line: number; api: string; handledBy: string }) => `${f.path}:${f.line} ${f.api} → ${f.handledBy}`);
    expect(calls).toEqual([
      'examples/legacy-app/src/chat.ts:14 InvokeModel → invoke-to-converse',
      'examples/legacy-app/src/stream.mjs:8 InvokeModelWithResponseStream → converse-stream',
      'examples/legacy-app/src/summarize.js:7 InvokeModel → invoke-to-converse',
      'examples/legacy-app/src/tools.js:24 InvokeModel → invoke-to-converse',
    ]);
    const editor = doc.findings.filter((f: { kind: string }) => f.kind === 'text-editor').map((f: { line: number; detail: string }) => `${f.line} ${f.detail}`);
    expect(editor).toContain('5 tool type text_editor_20250124');
    expect(editor).toContain('42 undo_edit command (removed in text_editor_20250728)');
    const stops = doc.findings.filter((f: { kind: string }) => f.kind === 'stop-reason').map((f: { path: string; line: number; detail: string }) => `${path.basename(f.path)}:${f.line} ${f.detail}`);
    expect(stops).toEqual(['chat.ts:29 switch on stop_reason', 'tools.js:40 compares stop_reason with "tool_use"']);
    const table = cli(ROOT, ['detect', 'examples/legacy-app']).out;
    expect(table).toMatch(/examples\/legacy-app\/src\/chat\.ts:14\s+call site\s+InvokeModel/);
  });

  it('the demo previews the migration of examples/legacy-app without writing (exit 0)', () => {
    const before = fs.readFileSync(path.join(ROOT, 'examples/legacy-app/src/chat.ts'), 'utf8');
    const r = cli(ROOT, ['examples/legacy-app', '--allow-dirty']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Summary: 9 files, \d+ changed, \d+ unchanged, 0 skipped, 0 failed/);
    expect(fs.readFileSync(path.join(ROOT, 'examples/legacy-app/src/chat.ts'), 'utf8')).toBe(before);
  });

  it('verify reports only the type errors the migration introduces', () => {
    const dir = makeRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'commonjs' }, include: ['src'] }),
      'src/typed.ts': "const s = 'anthropic.claude-v2' as const;\nexport const t: `anthropic.claude-v${number}` = s;\nexport const pre: number = 'already broken';\nexport const s2 = 'anthropic.claude-v2' as const;\n",
      'src/use.ts': "import { s2 } from './typed';\nexport const u: `anthropic.claude-v${number}` = s2;\n",
      'src/bystander.ts': "import { pre } from './typed';\nexport const p: number = pre;\n",
      'broken/bad.ts': '',
    });
    const r = cli(dir, ['verify', 'src', '--json', ...withCodemod]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const typed = doc.files.find((f: { path: string }) => f.path === 'src/typed.ts');
    expect(typed.before).toBe(1);
    expect(typed.introduced).toHaveLength(1);
    expect(typed.introduced[0]).toMatchObject({ line: 2, code: 2322 });
    expect(doc.files.find((f: { path: string }) => f.path === 'src/config.js').status).toBe('not-checked');
    // A file that imports a changed one is checked too, and listed only when the migration affects it.
    const use = doc.files.find((f: { path: string }) => f.path === 'src/use.ts');
    expect(use).toMatchObject({ status: 'checked', reason: 'imports a changed file', before: 0, after: 1 });
    expect(use.introduced[0]).toMatchObject({ line: 2, code: 2322 });
    expect(doc.files.some((f: { path: string }) => f.path === 'src/bystander.ts')).toBe(false);
    expect(doc.introduced).toBe(2);
    const chat = doc.files.find((f: { path: string }) => f.path === 'src/chat.ts');
    expect(chat.introduced).toEqual([]);

    // After --write, --against checks the same change from git's point of view.
    expect(cli(dir, ['src', '--write', ...withCodemod]).code).toBe(0);
    const after = cli(dir, ['verify', 'src', '--against', 'HEAD', '--json']);
    expect(after.code).toBe(1);
    const again = JSON.parse(after.out);
    expect(again.against).toBe('HEAD');
    expect(again.files.find((f: { path: string }) => f.path === 'src/typed.ts').introduced[0]).toMatchObject({ line: 2, code: 2322 });
  });
});

describe('interrupt', () => {
  it('Ctrl-C during --write stops after the file being written: every file is old or fully new, and the summary says so', async () => {
    const extra: Record<string, string> = {};
    const body = (i: number) => `export const model${i} = 'anthropic.claude-v2';\nexport const other${i} = 'anthropic.claude-v2';\n`;
    for (let i = 0; i < 500; i++) extra[`many/m${String(i).padStart(3, '0')}.ts`] = body(i);
    const dir = makeRepo(extra);
    const child = spawn(process.execPath, [BIN, 'many', '--write', ...withCodemod], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let out = '';
    let sent = false;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!sent && out.includes('+++ b/many/')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    let migrated = 0;
    for (let i = 0; i < 500; i++) {
      const text = read(dir, `many/m${String(i).padStart(3, '0')}.ts`);
      if (text === body(i)) continue;
      expect(text).toBe(body(i).replace(/anthropic\.claude-v2/g, 'anthropic.claude-sonnet-4-6'));
      migrated++;
    }
    expect(migrated).toBeGreaterThan(0);
    expect(migrated).toBeLessThan(500);
    expect(out).toContain('not written (interrupted)');
    expect(out).toMatch(new RegExp(`Summary: 500 files, 500 changed, .* · ${migrated} written`));
    expect(fs.readdirSync(path.join(dir, 'many'))).toHaveLength(500); // no temp files left behind
  });
});
