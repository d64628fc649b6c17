import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCodemodTable } from '../src/codemods/readme-table';
import { CODEMOD_NAMES } from '../src/codemods/registry';

const ROOT = path.resolve(__dirname, '..');
const readmePath = path.join(ROOT, 'README.md');

describe('README', () => {
  it('has the codemod table the manifest generates (UPDATE_README=1 regenerates it)', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    const generated = withCodemodTable(readme);
    if (process.env.UPDATE_README) fs.writeFileSync(readmePath, generated);
    else expect(readme).toBe(generated);
  });

  it('names the two set-up commands', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });

  it('has a jscodeshift entry point for every codemod and for the preset', () => {
    for (const name of [...CODEMOD_NAMES, 'all']) {
      expect(fs.existsSync(path.join(ROOT, 'transforms', `${name}.ts`)), name).toBe(true);
    }
  });
});
