import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { checkEquivalence, discoverRunnableCases, parseRunSpec } from './support/equivalence';
import { FixtureLoadError, runModuleExport } from './support/run-module';

// Inside the project (git-ignored .tmp/) so that fixture modules resolve the installed SDK.
const TMP = path.resolve(__dirname, '..', '.tmp', `equivalence-harness-${process.pid}`);

let stub: StubBedrock;
beforeAll(async () => {
  fs.mkdirSync(TMP, { recursive: true });
  stub = await startStubBedrock();
});
afterAll(async () => {
  await stub?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const file = path.join(TMP, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const run = (file: string, call: string, args: unknown[] = []) => runModuleExport(file, call, args, { endpoint: stub.url, timeoutMs: 5000 });

describe('run-module', () => {
  it('reports a module that does not load or lacks the export as a broken fixture', async () => {
    const broken = write('broken.ts', 'export const x = ;');
    await expect(run(broken, 'x')).rejects.toBeInstanceOf(FixtureLoadError);
    const noExport = write('no-export.ts', 'export const other = () => 1;');
    await expect(run(noExport, 'missing')).rejects.toThrow(/no exported function "missing" \(exports: other\)/);
  });

  it('sets the stub environment only for the run and captures what the module prints', async () => {
    const before = process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
    const file = write(
      'env.ts',
      `console.log('loading');
       export function env() {
         process.stdout.write('partial ');
         console.log('line', 2);
         console.warn('careful');
         process.exitCode = 3;
         return [process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME, process.env.ANTHROPIC_BEDROCK_BASE_URL, process.env.AWS_REGION, process.env.AWS_PROFILE];
       }`,
    );
    const outcome = await run(file, 'env');
    expect(outcome.returned).toEqual([stub.url, stub.url, 'us-east-1', null]);
    expect(outcome.stdout).toBe('loading\npartial line 2\n');
    expect(outcome.stderr).toContain('careful');
    expect(process.exitCode).not.toBe(3);
    expect(process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME).toBe(before);
  });

  it('drains generators, keeps items yielded before an error, and records callbacks', async () => {
    const file = write(
      'gen.mjs',
      `export function* numbers() { yield 1; yield 2; }
       export async function* failing() { yield 'a'; throw new RangeError('boom'); }
       export async function withCallback(cb, bytes) { cb('x', { n: 1 }); return cb('y') + ':' + bytes.length; }
       export default async function () { return new Response('hi', { status: 201, headers: { 'content-type': 'text/plain' } }); }`,
    );
    expect((await run(file, 'numbers')).returned).toEqual([1, 2]);
    const failing = await run(file, 'failing');
    expect(failing.threw).toEqual({ name: 'RangeError', message: 'boom' });
    expect(failing.yieldedBeforeError).toEqual(['a']);
    const cb = await run(file, 'withCallback', [{ $fn: 'cb', returns: 'ok' }, { $bytes: 'AQID' }]);
    expect(cb.returned).toBe('ok:3');
    expect(cb.calls).toEqual({ cb: [['x', { n: 1 }], ['y']] });
    expect((await run(file, 'default')).returned).toEqual({ $response: 201, contentType: 'text/plain', chunks: ['hi'] });
  });

  it('waits for a recording response to end and records what was sent', async () => {
    const file = write(
      'route.js',
      `exports.route = (req, res) => {
         setTimeout(() => { res.status(201).set('X-Id', req.params.id); res.write('a'); res.end('b'); }, 20);
       };`,
    );
    const outcome = await run(file, 'route', [{ $req: { params: { id: '7' } } }, { $res: true }]);
    expect(outcome.responses).toEqual([{ status: 201, headers: { 'x-id': '7' }, chunks: ['a', 'b'], ended: true }]);
  });

  it('does not bind a port when an Express app module calls app.listen', async () => {
    const file = write(
      'server.ts',
      `import express from 'express';
       const app = express();
       let ready = false;
       app.listen(3000, () => { ready = true; });
       export async function isReady() { await new Promise((r) => setTimeout(r, 5)); return ready; }`,
    );
    expect((await run(file, 'isReady')).returned).toBe(true);
    expect((await run(file, 'isReady')).returned).toBe(true);
  });

  it('loads .tsx fixtures with a JSX stand-in when react is not installed', async () => {
    const file = write(
      'page.tsx',
      `function Reply({ text }: { text: string }) { return <p className="reply">{text}</p>; }
       export function render(text: string) { return <Reply text={text} />; }`,
    );
    expect((await run(file, 'render', ['hi'])).returned).toEqual({ $jsx: 'Reply', props: { text: 'hi' } });
  });

  it('lets a Lambda streaming handler pipe into a recording response', async () => {
    const file = write(
      'lambda.mjs',
      `import { Readable } from 'node:stream';
       export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
         const out = awslambda.HttpResponseStream.from(responseStream, { statusCode: 200, headers: { 'Content-Type': 'text/plain' } });
         Readable.from(['one ', 'two ', JSON.parse(event.body).last]).pipe(out);
       });`,
    );
    const outcome = await run(file, 'handler', [{ body: '{"last":"three"}' }, { $res: true }]);
    expect(outcome.threw).toBeUndefined();
    expect(outcome.responses).toEqual([{ status: 200, headers: { 'content-type': 'text/plain' }, chunks: ['one ', 'two ', 'three'], ended: true }]);
    expect((globalThis as Record<string, unknown>).awslambda).toBeUndefined();
  });
});

describe('run specs and discovery', () => {
  it('rejects malformed .run.json files with the reason', () => {
    expect(() => parseRunSpec({ call: 'f' }, 'a.run.json')).toThrow(/a\.run\.json: "scenario" is required/);
    expect(() => parseRunSpec({ scenario: 'text' }, 'a.run.json')).toThrow(/"call"/);
    expect(() => parseRunSpec({ scenario: 'text', call: 'f', expectOutput: { throws: '(' } }, 'a.run.json')).toThrow();
    expect(() => parseRunSpec({ scenario: 'text', call: 'f', expectOutput: {} }, 'a.run.json')).toThrow(/"throws" or "returns"/);
    expect(() => parseRunSpec({ scenario: 'text', call: 'f', arguments: [] }, 'a.run.json')).toThrow(/unknown key "arguments"/);
  });

  it('pairs .run.json with input and output files; a missing output means the input on both sides', () => {
    const root = path.join(TMP, 'fixtures');
    write('fixtures/demo/same.input.js', 'exports.f = () => 1;');
    write('fixtures/demo/same.run.json', '{"scenario": "text", "call": "f"}');
    write('fixtures/demo/pair.input.ts', 'export const f = () => 1;');
    write('fixtures/demo/pair.output.ts', 'export const f = () => 1;');
    write('fixtures/demo/pair.run.json', '{"scenario": [{"content": [{"type": "text", "text": "x"}]}], "call": "f"}');
    const cases = discoverRunnableCases(root);
    expect(cases.map((c) => [c.name, path.basename(c.inputPath), path.basename(c.outputPath)])).toEqual([
      ['pair', 'pair.input.ts', 'pair.output.ts'],
      ['same', 'same.input.js', 'same.input.js'],
    ]);
    write('fixtures/demo/orphan.run.json', '{"scenario": "text", "call": "f"}');
    expect(() => discoverRunnableCases(root)).toThrow(/orphan\.run\.json: no orphan\.input/);
  });

  it('fails a case in which neither side reaches the stub', async () => {
    const file = write('offline.ts', 'export const f = async () => 42;');
    const report = await checkEquivalence(stub, {
      codemod: 'demo',
      name: 'offline',
      inputPath: file,
      outputPath: file,
      runPath: 'offline.run.json',
      spec: { scenario: 'text', call: 'f' },
    });
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('proves nothing');
  });
});
