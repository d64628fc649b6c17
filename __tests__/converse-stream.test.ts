import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/engine';
import { selectCodemods } from '../src/codemods/registry';
import codemod from '../src/codemods/converse-stream';

const entries = selectCodemods(['converse-stream']).map((e) => ({ ...e, load: () => codemod }));

function run(source: string, path = 'src/stream.ts') {
  return transformSource({ path, source, codemods: entries });
}

describe('converse-stream', () => {
  it('leaves a file without stream calls alone', () => {
    expect(run('import { InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";\n').output).toBeNull();
  });
});
