import { describe, expect, it } from 'vitest';
import { CODEMODS } from '../src/codemods/registry';
import { candidates, transformSource } from '../src/engine/engine';

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

  it('a file no codemod can apply to is never parsed', () => {
    const result = transformSource({ path: 'a.ts', source: 'const s = "InvokeModelWithResponseStream";\nlet = ;\n', codemods: CODEMODS });
    expect(result.skipped).toBeDefined();
    expect(result.output).toBeNull();
  });
});
