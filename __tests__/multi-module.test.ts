/**
 * Across modules, in the runner: a request body built in one module and sent in another, a response returned
 * by one module and read in another. Each case of `__testfixtures__/multi-module/` is run through the runner
 * as a project: every module must come out as `output/` says (unchanged modules byte-identical), a second
 * run changes nothing, TypeScript outputs type-check together, and the runnable cases send requests of the
 * same meaning and return the same values as the input project (see support/multi-module.ts).
 * `UPDATE_FIXTURES=1` writes `output/` from what the runner does (read every diff).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEquivalence, formatReport } from './support/equivalence';
import { discoverMultiModuleCases, listFiles, runTree } from './support/multi-module';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { transformSource } from '../src/engine/engine';
import { selectCodemods } from '../src/codemods/registry';
import { analyse } from '../src/runner/runner';
import { projectIndexStats } from '../src/runner/project';

const ROOT = path.resolve(__dirname, '..');
const CASES = discoverMultiModuleCases(path.join(ROOT, '__testfixtures__', 'multi-module'));
const UPDATE = process.env.UPDATE_FIXTURES === '1';

let stub: StubBedrock;
beforeAll(async () => {
  stub = await startStubBedrock();
});
afterAll(async () => {
  await stub?.close();
});

function typeErrors(dir: string, files: string[]): string[] {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
    },
    skipAddingFilesFromTsConfig: true,
  });
  const base = path.join(ROOT, '.tmp', 'typecheck-multi-module', path.basename(path.dirname(dir)));
  const sources = files.map((f) => project.createSourceFile(path.join(base, f), fs.readFileSync(path.join(dir, f), 'utf8'), { overwrite: true }));
  return sources.flatMap((sf) =>
    sf.getPreEmitDiagnostics().map((d) => `${path.relative(base, sf.getFilePath())}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`),
  );
}

describe('multi-module fixtures (runner)', () => {
  it('has at least 5 runnable multi-module cases, JS and TS, ESM and CJS', () => {
    const runnable = CASES.filter((c) => c.runnable);
    expect(runnable.length).toBeGreaterThanOrEqual(5);
    const all = CASES.flatMap((c) => c.files.map((f) => fs.readFileSync(path.join(c.inputDir, f), 'utf8') + path.extname(f)));
    expect(all.some((t) => t.endsWith('.ts'))).toBe(true);
    expect(all.some((t) => t.endsWith('.js'))).toBe(true);
    expect(all.some((t) => /\brequire\(['"]\.\//.test(t))).toBe(true);
    expect(all.some((t) => /\bimport .* from ['"]\.\//.test(t))).toBe(true);
  });

  for (const c of CASES) {
    describe(c.name, () => {
      it('the runner gives output/ (unchanged modules byte-identical)', async () => {
        const run = await runTree(c.inputDir);
        if (UPDATE) {
          fs.rmSync(c.outputDir, { recursive: true, force: true });
          for (const [rel, text] of run.texts) {
            fs.mkdirSync(path.dirname(path.join(c.outputDir, rel)), { recursive: true });
            fs.writeFileSync(path.join(c.outputDir, rel), text);
          }
        }
        expect(listFiles(c.outputDir)).toEqual(c.files);
        for (const rel of c.files) {
          expect(run.texts.get(rel), rel).toBe(fs.readFileSync(path.join(c.outputDir, rel), 'utf8'));
        }
      });

      it('a second run changes nothing', async () => {
        const run = await runTree(c.outputDir);
        const changed = [...run.results].filter(([, r]) => r.status !== 'unchanged').map(([rel, r]) => `${rel}: ${r.status} ${r.reason}`);
        expect(changed).toEqual([]);
      });

      const tsFiles = c.files.filter((f) => /\.tsx?$/.test(f));
      if (tsFiles.length > 0) {
        it('the TypeScript output type-checks', () => {
          expect(typeErrors(c.outputDir, tsFiles)).toEqual([]);
        });
      }

      if (c.runnable) {
        const runnable = c.runnable;
        it('input and output projects are equivalent against the stub', async () => {
          const report = await checkEquivalence(stub, runnable);
          if (!report.ok) expect.fail(formatReport(report));
        });
      }
    });
  }
});

describe('what the report says across modules', () => {
  const notesOf = async (name: string) => {
    const run = await runTree(CASES.find((c) => c.name === name)!.inputDir);
    return (rel: string) => run.results.get(rel)!.notes.map((n) => n.message);
  };

  it('a re-exported message source keeps its boundary, and the note says why', async () => {
    const notes = await notesOf('caller-outside-boundary');
    expect(notes('claude.js')).toContain(
      'the response is converted back to the Anthropic message shape by toAnthropicMessage (the parsed response is returned from "askClaude", re-exported by ./index.js); it has no id, model or stop_sequence',
    );
  });

  it('a followed builder and a followed message source say so in the defining and the calling module', async () => {
    const builder = await notesOf('prompt-builder-lambda');
    expect(builder('prompt.js')).toEqual([
      '"buildSupportRequest" now returns the Converse input fields instead of the Anthropic body; its callers (./handler.js) spread them into ConverseCommand',
    ]);
    const source = await notesOf('service-express-route');
    expect(source('claude.ts')).toContain(
      '"askClaude" now returns the Converse response instead of the parsed Anthropic message; its callers (./routes.ts) read it',
    );
    expect(source('routes.ts')).toEqual(['"askClaude" (./claude.ts) now returns the Converse response; its reads here follow it']);
  });
});

describe('the project index', () => {
  const copy = (name: string): string => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-module-'));
    fs.cpSync(path.join(ROOT, '__testfixtures__', 'multi-module', name, 'input'), tmp, { recursive: true });
    return tmp;
  };
  const only = { only: ['invoke-to-converse'] };

  it('is built only when a kept or converted call crosses a module boundary', async () => {
    const before = projectIndexStats.built;
    const quiet = copy('non-claude-other-module');
    try {
      await analyse({ paths: ['.'], cwd: quiet, selection: only, options: {}, jobs: 1 });
      expect(projectIndexStats.built).toBe(before);
    } finally {
      fs.rmSync(quiet, { recursive: true, force: true });
    }
    const crossing = copy('prompt-builder-lambda');
    try {
      await analyse({ paths: ['.'], cwd: crossing, selection: only, options: {}, jobs: 1 });
      expect(projectIndexStats.built).toBe(before + 1);
    } finally {
      fs.rmSync(crossing, { recursive: true, force: true });
    }
  });

  it('is not built for a call kept for what its body holds, even in a module that exports', async () => {
    const before = projectIndexStats.built;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-module-'));
    fs.writeFileSync(
      path.join(dir, 'editor.js'),
      [
        "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
        "import { toolResult } from './tools.js';",
        '',
        'const client = new BedrockRuntimeClient({});',
        '',
        'export async function editFile(prompt) {',
        '  const res = await client.send(new InvokeModelCommand({',
        "    modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',",
        "    contentType: 'application/json',",
        '    body: JSON.stringify({',
        "      anthropic_version: 'bedrock-2023-05-31',",
        '      max_tokens: 1024,',
        "      tools: [{ type: 'text_editor_20250124', name: 'str_replace_editor' }],",
        "      messages: [{ role: 'user', content: prompt }],",
        '    }),',
        '  }));',
        '  const message = JSON.parse(new TextDecoder().decode(res.body));',
        '  return toolResult(message.stop_reason);',
        '}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'tools.js'), 'export const toolResult = (reason) => ({ reason });\n');
    try {
      const run = await analyse({ paths: ['.'], cwd: dir, selection: only, options: {}, jobs: 1 });
      const editor = run.files.find((f) => f.file.endsWith('editor.js'))!;
      expect(editor.markers.map((m) => m.message)).toEqual([expect.stringMatching(/^InvokeModel call kept: tools: /)]);
      expect(projectIndexStats.built).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows only modules of the run: a builder outside the given paths is not rewritten, its caller keeps the marker', async () => {
    const dir = copy('prompt-builder-lambda');
    try {
      const run = await analyse({ paths: ['handler.js'], cwd: dir, selection: only, options: {}, jobs: 1 });
      expect(run.files.map((f) => path.basename(f.file))).toEqual(['handler.js']);
      expect(run.files[0]!.markers.map((m) => m.message)).toEqual(['InvokeModel call kept: body cannot be resolved to JSON.stringify(<object>)']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('across modules: the jscodeshift door (one file) keeps today\'s behaviour', () => {
  it('a body built in another module is not followed without the runner', () => {
    const c = CASES.find((x) => x.name === 'prompt-builder-lambda')!;
    const file = path.join(c.inputDir, 'handler.js');
    const out = transformSource({ path: file, source: fs.readFileSync(file, 'utf8'), codemods: selectCodemods(['invoke-to-converse'], []) });
    expect(out.markers.map((m) => m.message)).toEqual(['InvokeModel call kept: body cannot be resolved to JSON.stringify(<object>)']);
  });
});
