/**
 * model-ids through the engine: every fixture case (the shared fixtures test also runs them through the
 * jscodeshift binary and type-checks them), plus behaviour that fixtures cannot show: notes, markers,
 * option handling, style preservation and idempotency on tricky inputs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import codemod from '../src/codemods/model-ids';
import configCodemod from '../src/codemods/model-ids/config-files';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import type { CodemodOptions } from '../src/engine/types';
import { discoverCases } from './support/fixture-cases';

const entries = selectCodemods(['model-ids']).map((e) => ({ ...e, load: () => codemod, loadText: () => configCodemod }));

function run(source: string, file = 'src/app.ts', options: Partial<CodemodOptions> = {}) {
  return transformSource({ path: file, source, codemods: entries, options });
}

const cases = discoverCases().filter((c) => c.codemod === 'model-ids');

describe('model-ids fixtures (engine)', () => {
  it('has at least 30 cases in every file kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.ext))).toEqual(new Set(['ts', 'tsx', 'js', 'mjs', 'cjs']));
    expect(cases.filter((c) => !c.hasOutput).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => Object.keys(c.options).length > 0).length).toBeGreaterThanOrEqual(4);
  });

  for (const c of cases) {
    it(`${c.name}.${c.ext}`, () => {
      const first = run(c.input, c.inputPath, c.options);
      if (process.env.UPDATE_FIXTURES && c.hasOutput && first.output) {
        fs.writeFileSync(c.inputPath.replace('.input.', '.output.'), first.output);
        return;
      }
      expect(first.output ?? c.input).toBe(c.expected);
      if (!c.hasOutput) expect(first.output).toBeNull();
      const second = run(c.expected, c.inputPath, c.options);
      expect(second.output, 'second run changed the output').toBeNull();
    });
  }
});

describe('model-ids behaviour', () => {
  it('reports routing changes as notes and request fixes as markers', () => {
    const c = cases.find((x) => x.name === 'invoke-lambda-handler')!;
    const result = run(c.input, c.inputPath);
    expect(result.notes.map((n) => [n.kind, n.message])).toEqual([
      ['model', 'anthropic.claude-3-5-sonnet-20240620-v1:0 → global.anthropic.claude-sonnet-4-6 (Claude 3.5 Sonnet → Claude Sonnet 4.6)'],
      ['routing', expect.stringContaining('routing changed: anthropic.claude-3-5-sonnet-20240620-v1:0 was called by base ID')],
    ]);
    expect(result.markers).toHaveLength(1);
    expect(result.markers[0].message).toContain('kept temperature, removed top_p');
  });

  it('keeps a CRLF file CRLF and a BOM', () => {
    const source = '\uFEFFconst id = "anthropic.claude-3-haiku-20240307-v1:0";\r\nexport default id;\r\n';
    const result = run(source, 'src/a.ts');
    expect(result.output).toBe('\uFEFFconst id = "global.anthropic.claude-haiku-4-5-20251001-v1:0";\r\nexport default id;\r\n');
  });

  it("writes new IDs in the file's quote style", () => {
    const source = `const a = 'anthropic.claude-v2';\nconst b = 'anthropic.claude-v2:1';\nexport { a, b };\n`;
    const result = run(source, 'src/a.js');
    expect(result.output).toBe(
      `const a = 'global.anthropic.claude-opus-4-6-v1';\nconst b = 'global.anthropic.claude-opus-4-6-v1';\nexport { a, b };\n`,
    );
  });

  it('honours --profile none: base IDs stay base IDs', () => {
    const result = run('export const id = "anthropic.claude-3-5-sonnet-20240620-v1:0";\n', 'a.ts', { profile: 'none' });
    expect(result.output).toBe('export const id = "anthropic.claude-sonnet-4-6";\n');
  });

  it('marks a profile the target lacks instead of guessing, and is idempotent about it', () => {
    const source = 'export const id = "us-gov.anthropic.claude-3-haiku-20240307-v1:0";\n';
    const first = run(source, 'a.ts');
    expect(first.output).toContain('TODO(bedrock-claude-codemod):');
    expect(first.output).toContain('"us-gov.anthropic.claude-3-haiku-20240307-v1:0"');
    expect(run(first.output!, 'a.ts').output).toBeNull();
  });

  it('does not rewrite first-party names outside AnthropicBedrock calls', () => {
    const source = 'export const model = "claude-3-5-sonnet-20241022";\n';
    expect(run(source).output).toBeNull();
  });

  it('skips statements under a bedrock-claude-codemod-ignore comment', () => {
    const source = '// bedrock-claude-codemod-ignore\nexport const model = "anthropic.claude-v2";\n';
    expect(run(source).output).toBeNull();
  });

  it('rewrites config files through the same engine', () => {
    const result = run('MODEL_ID=anthropic.claude-3-haiku-20240307-v1:0\n', '.env');
    expect(result.output).toBe('MODEL_ID=global.anthropic.claude-haiku-4-5-20251001-v1:0\n');
    expect(result.changedBy).toEqual(['model-ids']);
  });

  it('reads fixture option files that exist', () => {
    for (const c of cases.filter((x) => Object.keys(x.options).length > 0)) {
      expect(fs.existsSync(path.join(path.dirname(c.inputPath), `${c.name}.options.json`))).toBe(true);
    }
  });
});
