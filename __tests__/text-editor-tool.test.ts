/**
 * text-editor-tool: fixture cases of this codemod (inputs must be valid, type-correct code too, so
 * that "the output type-checks where the input did" means something), and the small pieces on their own.
 */
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { computerVersionForModel, parseClaudeModel } from '../src/codemods/text-editor-tool/computer-version';
import { transformSource } from '../src/engine/engine';
import { discoverCases, ROOT } from './support/fixture-cases';

const CODEMOD = 'text-editor-tool';
const cases = discoverCases().filter((c) => c.codemod === CODEMOD);

function run(source: string, file = 'src/agent/editor.ts') {
  return transformSource({ path: path.join(ROOT, file), source, codemods: selectCodemods([CODEMOD]) });
}

describe('text-editor-tool fixtures', () => {
  it('has at least 20 cases in JS and TS, with negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.some((c) => c.ext === 'ts')).toBe(true);
    expect(cases.some((c) => ['js', 'mjs', 'cjs'].includes(c.ext))).toBe(true);
    expect(cases.filter((c) => !c.hasOutput).length).toBeGreaterThanOrEqual(3);
  });

  it('every TypeScript input type-checks (so outputs are held to the same bar)', () => {
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
    const files = cases
      .filter((c) => c.ext === 'ts')
      .map((c) => project.createSourceFile(path.join(ROOT, '.tmp', 'typecheck-input', CODEMOD, `${c.name}.input.ts`), c.input, { overwrite: true }));
    const errors = files.flatMap((sf) =>
      sf.getPreEmitDiagnostics().map((d) => `${sf.getBaseName()}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`),
    );
    expect(errors).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.name}.${c.ext}: one change, then none`, () => {
      const first = transformSource({ path: c.inputPath, source: c.input, codemods: selectCodemods([CODEMOD]), options: c.options });
      expect(first.output ?? c.input).toBe(c.expected);
      const second = transformSource({ path: c.inputPath, source: first.output ?? c.input, codemods: selectCodemods([CODEMOD]), options: c.options });
      expect(second.output).toBeNull();
      expect(second.markers).toEqual([]);
    });
  }
});
