import fs from 'node:fs';
import path from 'node:path';
import type { CodemodOptions } from '../../src/engine/types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, '__testfixtures__');

export interface FixtureCase {
  codemod: string;
  name: string;
  ext: string;
  inputPath: string;
  input: string;
  /** The expected text; equal to the input when the case has no .output file (must stay byte-identical). */
  expected: string;
  hasOutput: boolean;
  options: Partial<CodemodOptions>;
  optionsKey: string;
}

const CASE = /^(.+)\.input\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

/** Every `<codemod>/<case>.input.<ext>` fixture, with its expected output and options. */
export function discoverCases(): FixtureCase[] {
  if (!fs.existsSync(FIXTURES)) return [];
  const cases: FixtureCase[] = [];
  for (const codemod of fs.readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, codemod);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const m = CASE.exec(file);
      if (!m) continue;
      const [, name, ext] = m;
      const inputPath = path.join(dir, file);
      const outputPath = path.join(dir, `${name}.output.${ext}`);
      const optionsPath = path.join(dir, `${name}.options.json`);
      const input = fs.readFileSync(inputPath, 'utf8');
      const hasOutput = fs.existsSync(outputPath);
      const options = fs.existsSync(optionsPath) ? JSON.parse(fs.readFileSync(optionsPath, 'utf8')) : {};
      cases.push({
        codemod,
        name,
        ext,
        inputPath,
        input,
        expected: hasOutput ? fs.readFileSync(outputPath, 'utf8') : input,
        hasOutput,
        options,
        optionsKey: JSON.stringify(options),
      });
    }
  }
  return cases;
}

/** jscodeshift passes unknown `--key=value` flags through to the transform as options. */
export function optionsToFlags(options: Partial<CodemodOptions>): string[] {
  return Object.entries(options).map(([key, value]) => {
    if (value && typeof value === 'object') {
      const pairs = Object.entries(value as Record<string, string>).map(([k, v]) => `${k}=${v}`);
      return `--${key}=${pairs.join(',')}`;
    }
    return `--${key}=${String(value)}`;
  });
}
