/**
 * invoke-to-messages (`--api messages`): its fixtures through the engine (expected output, idempotent,
 * TypeScript outputs type-check against the installed SDKs), the destination choice (`--api`, per path glob,
 * explicit selection), the stub's Messages endpoint rules, and the equivalence harness rejecting a migration
 * the surface would refuse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODEMODS, selectCodemods } from '../src/codemods/registry';
import { apiFor } from '../src/codemods/invoke-to-messages/select';
import { mantleModel } from '../src/codemods/invoke-to-messages/surface';
import { transformSource } from '../src/engine/engine';
import { resolveOptions } from '../src/engine/options';
import { loadConfig } from '../src/cli/config';
import { detect } from '../src/analysis/detect';
import { checkEquivalence, discoverRunnableCases, type RunnableCase } from './support/equivalence';
import { isMantleModelId, validateMantleRequest } from './support/stub-mantle';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';

const ROOT = path.join(__dirname, '..');
const DIR = path.join(ROOT, '__testfixtures__', 'invoke-to-messages');
const cases = fs.readdirSync(DIR).filter((f) => /\.input\.(ts|tsx|js|mjs|cjs)$/.test(f)).sort();
const only = selectCodemods(['invoke-to-messages']);
const run = (file: string, source: string) => transformSource({ path: file, source, codemods: only });

describe('invoke-to-messages fixtures', () => {
  it('has at least 25 cases, 20 of them runnable against the stub', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith('.run.json')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: expected output, then a second run changes nothing', (file) => {
    const inputPath = path.join(DIR, file);
    const outputPath = inputPath.replace('.input.', '.output.');
    const input = fs.readFileSync(inputPath, 'utf8');
    const result = run(inputPath, input);
    if (!fs.existsSync(outputPath)) {
      expect(result.output).toBeNull();
      return;
    }
    const expected = fs.readFileSync(outputPath, 'utf8');
    expect(result.output).toBe(expected);
    expect(run(outputPath, expected).output).toBeNull();
    // A kept call says why in one short line; a migrated file never carries a marker.
    for (const m of result.markers) expect(m.message.length).toBeLessThanOrEqual(120);
    if (file.startsWith('kept-')) expect(result.markers).toHaveLength(1);
    else expect(result.markers).toEqual([]);
  });

  it('every TypeScript output type-checks against @anthropic-ai/bedrock-sdk and the AWS SDK', () => {
    const project = new Project({
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        moduleDetection: ts.ModuleDetectionKind.Force,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      skipAddingFilesFromTsConfig: true,
    });
    const outputs = fs.readdirSync(DIR).filter((f) => f.endsWith('.output.ts'));
    expect(outputs.length).toBeGreaterThanOrEqual(8);
    for (const f of outputs) project.createSourceFile(path.join(ROOT, '.tmp', 'typecheck-messages', f), fs.readFileSync(path.join(DIR, f), 'utf8'), { overwrite: true });
    const errors = project
      .getPreEmitDiagnostics()
      .map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('notes the dependency to add and the API version it brings', () => {
    const file = path.join(DIR, 'stream-loop.input.js');
    const notes = run(file, fs.readFileSync(file, 'utf8')).notes.map((n) => n.message);
    expect(notes.some((n) => n.includes('@anthropic-ai/bedrock-sdk@^1.1.3') && n.includes('2026-10-21'))).toBe(true);
    expect(notes.some((n) => n.startsWith('removed temperature'))).toBe(true);
  });
});

describe('model IDs for the Messages API on Bedrock', () => {
  it('drops profile prefixes and ARN forms and maps Haiku 4.5 to its mantle ID', () => {
    expect(mantleModel('global.anthropic.claude-opus-4-7')).toMatchObject({ ok: true, id: 'anthropic.claude-opus-4-7' });
    expect(mantleModel('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-8')).toMatchObject({ ok: true, id: 'anthropic.claude-opus-4-8' });
    expect(mantleModel('us.anthropic.claude-haiku-4-5-20251001-v1:0')).toMatchObject({ ok: true, id: 'anthropic.claude-haiku-4-5' });
  });
  it('refuses models the surface does not serve', () => {
    expect(mantleModel('anthropic.claude-sonnet-4-5-20250929-v1:0').ok).toBe(false);
    expect(mantleModel('anthropic.claude-3-haiku-20240307-v1:0').ok).toBe(false);
    expect(mantleModel('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc').ok).toBe(false);
  });
});

describe('the destination choice', () => {
  const source = fs.readFileSync(path.join(DIR, 'collapse-decode.input.js'), 'utf8');
  const preset = (options: Record<string, unknown>, file = '/repo/src/classify.js') =>
    transformSource({ path: file, source, codemods: selectCodemods(), options: options as never });

  it('converse by default: the Converse codemods run and this one does not', () => {
    const result = preset({});
    expect(result.changedBy).toContain('invoke-to-converse');
    expect(result.changedBy).not.toContain('invoke-to-messages');
  });
  it('--api messages: this codemod runs and the Converse ones do not', () => {
    const result = preset({ api: 'messages' });
    expect(result.changedBy).toContain('invoke-to-messages');
    expect(result.changedBy).not.toContain('invoke-to-converse');
    expect(result.output).toContain('mantle.messages.create(');
  });
  it('per path glob, the last matching glob winning; absolute globs come from the config file', () => {
    const options = resolveOptions({ apiPaths: ['src/gateway/**=messages'] } as never);
    expect(apiFor(options, path.join(process.cwd(), 'src/gateway/proxy.ts'))).toBe('messages');
    expect(apiFor(options, path.join(process.cwd(), 'src/app/chat.ts'))).toBe('converse');
    expect(apiFor(resolveOptions({ api: 'messages', apiPaths: { '/repo/legacy/**': 'converse' } } as never), '/repo/legacy/a.js')).toBe('converse');
    expect(() => apiFor(resolveOptions({ api: 'bedrock' } as never), 'a.js')).toThrow(/--api must be one of converse, messages/);
  });
  it('the config file anchors apiPaths globs at its own directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-api-'));
    const file = path.join(dir, 'bedrock-claude-codemod.config.json');
    fs.writeFileSync(file, JSON.stringify({ api: 'converse', apiPaths: { 'services/gateway/**': 'messages' } }));
    const { config } = loadConfig(file);
    const options = resolveOptions(config as never);
    expect(apiFor(options, path.join(dir, 'services/gateway/index.ts'))).toBe('messages');
    expect(apiFor(options, path.join(dir, 'services/web/index.ts'))).toBe('converse');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('README and docs/cli.md document --api and --api-path', () => {
    const entry = CODEMODS.find((c) => c.name === 'invoke-to-messages')!;
    for (const doc of ['README.md', 'docs/cli.md']) {
      const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
      for (const spec of entry.options) expect(text, `${doc} documents ${spec.flag}`).toContain(`\`${spec.flag}\``);
    }
  });
  it('a codemod named explicitly runs whatever --api says', () => {
    expect(selectCodemods(['invoke-to-converse'])[0]!.enabled).toBeUndefined();
    expect(CODEMODS.find((c) => c.name === 'invoke-to-messages')!.enabled).toBeTypeOf('function');
  });
});

describe('detect: which destination fits each call site', () => {
  it('messages where the Anthropic shapes leave the function, converse where they are read in place or the model is not served', () => {
    const inventory = detect(['.'], { cwd: DIR, gitignore: false });
    const fit = (name: string) =>
      inventory.findings.find((f) => f.kind === 'call' && path.basename(f.file) === name && f.api?.startsWith('InvokeModel'))?.destination?.api;
    expect(fit('express-sse-proxy.input.ts')).toBe('messages');
    expect(fit('tool-loop.input.js')).toBe('messages');
    expect(fit('lambda-handler.input.mjs')).toBe('messages');
    expect(fit('collapse-decode.input.js')).toBe('converse');
    expect(fit('stream-loop.input.js')).toBe('converse');
    expect(fit('kept-unserved-model.input.ts')).toBe('converse');
  });
});

describe('the stub Messages endpoint', () => {
  const body = { model: 'anthropic.claude-opus-4-7', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };
  it('takes mantle IDs only', () => {
    expect(isMantleModelId('anthropic.claude-opus-4-7')).toBe(true);
    expect(isMantleModelId('global.anthropic.claude-opus-4-7')).toBe(false);
    expect(isMantleModelId('anthropic.claude-haiku-4-5-20251001-v1:0')).toBe(false);
  });
  it('rejects sampling parameters under API version 2026-10-21, the beta header and anthropic_version', () => {
    expect(validateMantleRequest(body, { version: '2026-10-21' })).toBeUndefined();
    expect(validateMantleRequest({ ...body, temperature: 1 }, { version: '2026-10-21' })).toMatch(/temperature/);
    expect(validateMantleRequest(body, { version: '2026-10-21', beta: 'computer-use-2025-11-24' })).toMatch(/anthropic-beta/);
    expect(validateMantleRequest({ ...body, anthropic_version: 'bedrock-2023-05-31' }, { version: '2026-10-21' })).toMatch(/anthropic_version/);
  });
});

describe('the harness rejects a migration the Messages API would refuse', () => {
  let stub: StubBedrock;
  let dir: string;
  beforeAll(async () => {
    stub = await startStubBedrock();
    // Inside the project, so the module resolves the installed SDKs.
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'mantle-'));
  });
  afterAll(async () => {
    await stub?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('temperature kept in messages.create → the output throws where the input did not', async () => {
    const [c] = discoverRunnableCases(path.join(ROOT, '__testfixtures__')).filter((x) => x.codemod === 'invoke-to-messages' && x.name === 'stream-loop');
    const broken = path.join(dir, 'stream-loop.output.js');
    const output = fs.readFileSync(c!.outputPath, 'utf8').replace('max_tokens: 300,', 'max_tokens: 300,\n    temperature: 0.7,');
    expect(output).toContain('temperature: 0.7');
    fs.writeFileSync(broken, output);
    const report = await checkEquivalence(stub, { ...(c as RunnableCase), outputPath: broken });
    expect(report.ok).toBe(false);
    expect(report.output.requests.map((r) => r.operation)).toEqual(['MessagesStream']);
    expect(report.problems.join('\n')).toMatch(/temperature/);
  });

  it('the migrated side really talks to the Messages endpoint', async () => {
    const [c] = discoverRunnableCases(path.join(ROOT, '__testfixtures__')).filter((x) => x.codemod === 'invoke-to-messages' && x.name === 'tool-loop');
    const report = await checkEquivalence(stub, c!);
    expect(report.ok).toBe(true);
    expect(report.input.requests.map((r) => r.operation)).toEqual(['InvokeModel', 'InvokeModel']);
    expect(report.output.requests.map((r) => r.operation)).toEqual(['Messages', 'Messages']);
    expect(report.output.requests[0]!.headers['anthropic-version']).toBe('2026-10-21');
  });
});
