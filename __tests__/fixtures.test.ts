/**
 * Every fixture case, through both doors:
 *  - the engine (what the runner uses) gives exactly the expected output, or nothing for untouched files;
 *  - a second run over the expected output changes nothing (idempotency), and the output parses;
 *  - the real jscodeshift binary, run as a user runs it, writes the same bytes;
 *  - every TypeScript output type-checks against the installed SDK types.
 * UPDATE_FIXTURES=1 rewrites the .output files from the engine (review the diff before committing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import { jscodeshiftFor, parserFor, parseSource } from '../src/engine/parse';
import { discoverCases, FIXTURES, optionsToFlags, ROOT, type FixtureCase } from './support/fixture-cases';

const cases = discoverCases();
const byCodemod = new Map<string, FixtureCase[]>();
for (const c of cases) byCodemod.set(c.codemod, [...(byCodemod.get(c.codemod) ?? []), c]);

/** `__testfixtures__/all/` holds cases for the preset: every codemod in manifest order. */
function runEngine(c: FixtureCase, source: string) {
  const codemods = c.codemod === 'all' ? selectCodemods() : selectCodemods([c.codemod]);
  return transformSource({ path: c.inputPath, source, codemods, options: c.options });
}

// ---- the jscodeshift door: one real jscodeshift run per codemod and option set ----
const jscodeshiftOutputs = new Map<string, string>();
let tmp = '';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-fixtures-'));
  const groups = new Map<string, FixtureCase[]>();
  for (const c of cases) {
    const key = `${c.codemod}\u0000${c.optionsKey}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  let n = 0;
  for (const group of groups.values()) {
    const dir = path.join(tmp, String(n++));
    fs.mkdirSync(dir);
    for (const c of group) fs.writeFileSync(path.join(dir, `${c.name}.${c.ext}`), c.input);
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js'),
        '-t',
        path.join('transforms', `${group[0].codemod}.ts`),
        '--extensions=ts,tsx,js,jsx,mjs,cjs,mts,cts',
        '--silent',
        ...optionsToFlags(group[0].options),
        dir,
      ],
      // A @babel/register cache of this run only: a stale entry from an earlier run (same mtime, older code)
      // would test old transform code, and without a cache every group would compile the transforms again.
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, BABEL_CACHE_PATH: path.join(tmp, 'babel-cache.json') } },
    );
    for (const c of group) {
      jscodeshiftOutputs.set(c.inputPath, fs.readFileSync(path.join(dir, `${c.name}.${c.ext}`), 'utf8'));
    }
  }
}, 900_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ---- one shared type-checking program for every TypeScript output ----
let project: Project | undefined;
function typeErrors(c: FixtureCase): string[] {
  if (!project) {
    project = new Project({
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
        jsx: ts.JsxEmit.Preserve,
      },
      skipAddingFilesFromTsConfig: true,
    });
    for (const t of cases.filter((x) => x.ext === 'ts' || x.ext === 'tsx')) {
      const virtual = path.join(ROOT, '.tmp', 'typecheck', t.codemod, `${t.name}.output.${t.ext}`);
      project.createSourceFile(virtual, t.expected, { overwrite: true });
    }
  }
  const virtual = path.join(ROOT, '.tmp', 'typecheck', c.codemod, `${c.name}.output.${c.ext}`);
  const sf = project.getSourceFileOrThrow(virtual);
  return sf
    .getPreEmitDiagnostics()
    .map((d) => `${c.name}.output.${c.ext}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`);
}

describe('fixtures', () => {
  it('are discovered', () => {
    expect(fs.existsSync(FIXTURES)).toBe(true);
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const [codemod, list] of byCodemod) {
    describe(codemod, () => {
      for (const c of list) {
        describe(`${c.name}.${c.ext}`, () => {
          it('engine gives the expected output', () => {
            const result = runEngine(c, c.input);
            if (process.env.UPDATE_FIXTURES && c.hasOutput && result.output) {
              fs.writeFileSync(c.inputPath.replace('.input.', '.output.'), result.output);
              return;
            }
            if (!c.hasOutput) {
              expect(result.output, 'a case without .output must come back untouched').toBeNull();
            } else {
              expect(result.output, 'the codemod changed nothing').not.toBeNull();
              expect(result.output).toBe(c.expected);
            }
          });

          it('a second run changes nothing and the output parses', () => {
            const parser = parserFor(c.inputPath)!;
            expect(() => parseSource(jscodeshiftFor(parser), c.expected, c.inputPath)).not.toThrow();
            const again = runEngine(c, c.expected);
            expect(again.output, 'second run changed the output').toBeNull();
          });

          it('the jscodeshift binary writes the same bytes', () => {
            expect(jscodeshiftOutputs.get(c.inputPath)).toBe(c.expected);
          });

          if (c.ext === 'ts' || c.ext === 'tsx') {
            it('the output type-checks', () => {
              expect(typeErrors(c)).toEqual([]);
            });
          }
        });
      }
    });
  }
});
