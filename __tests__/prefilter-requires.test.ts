import { describe, expect, it } from 'vitest';
import { CODEMODS } from '../src/codemods/registry';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidates, transformSource } from '../src/engine/engine';
import { resolveOptions } from '../src/engine/options';
import { PREFILTER, readCandidate } from '../src/runner/process';

const names = (source: string) => candidates(source, CODEMODS).map((c) => c.name);

describe('pre-filter: what each codemod requires', () => {
  it('invoke-to-converse needs InvokeModelCommand or an invokeModel call, not only the stream command', () => {
    const stream = "import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n";
    expect(names(stream)).not.toContain('invoke-to-converse');
    expect(names(stream)).toContain('converse-stream');
    expect(names(`${stream}import { InvokeModelCommand as Invoke } from '@aws-sdk/client-bedrock-runtime';\n`)).toContain('invoke-to-converse');
    expect(names('await client.invokeModel({ modelId, body });\n')).toContain('invoke-to-converse');
    expect(names('await client.invokeModelWithResponseStream({ modelId, body });\n')).not.toContain('invoke-to-converse');
  });

  it('converse-stream needs the runtime module in the file', () => {
    expect(names('// calls InvokeModelWithResponseStream through our gateway\nexport const x = 1;\n')).not.toContain('converse-stream');
  });

  it('reading: a file only a codemod off for it mentions is settled without going to a worker', () => {
    // "Converse" is one of thinking's words; thinking is off unless --thinking is given.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prefilter-'));
    const file = path.join(dir, 'dashboard.ts');
    fs.writeFileSync(file, "export const title = 'Converse with support';\n");
    try {
      const off = readCandidate(file, CODEMODS, { maxSize: 1 << 20, options: resolveOptions({}) });
      expect(off).toMatchObject({ kind: 'done', result: { status: 'unchanged', reason: PREFILTER } });
      // Without the settings, the file goes on to the engine (which then finds nothing enabled).
      expect(readCandidate(file, CODEMODS, { maxSize: 1 << 20 })).toMatchObject({ kind: 'source', needsParse: true });
      const on = readCandidate(file, CODEMODS, { maxSize: 1 << 20, options: resolveOptions({ thinking: 'adaptive' }) });
      expect(on).toMatchObject({ kind: 'source', needsParse: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file no codemod can apply to is never parsed', () => {
    const result = transformSource({ path: 'a.ts', source: 'const s = "InvokeModelWithResponseStream";\nlet = ;\n', codemods: CODEMODS });
    expect(result.skipped).toBeDefined();
    expect(result.output).toBeNull();
  });
});
