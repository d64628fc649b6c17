import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect, modelTokens } from '../src/analysis/detect';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-detect-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(TMP, rel)), { recursive: true });
  fs.writeFileSync(path.join(TMP, rel), text);
}

describe('detect', () => {
  it('finds x.invokeModel({ modelId, body }) on a client made in another module by its input, and nothing else by name alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-detect-shape-'));
    fs.writeFileSync(path.join(dir, 'provider.js'), `class Provider {
  async call(params) {
    const bedrock = await this.getBedrockInstance();
    const response = await bedrock.invokeModel({ modelId: this.modelName, accept: 'application/json', body: JSON.stringify(params) });
    return response;
  }
  other(cache) { return cache.invokeModel({ key: 1 }); }
}
module.exports = { Provider };
`);
    const calls = detect(['.'], { cwd: dir }).findings.filter((f) => f.kind === 'call');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(calls.map((f) => [f.line, f.api])).toEqual([[4, 'InvokeModel']]);
  });
  it('finds call sites in every import style, with the model when it is visible', () => {
    write('esm.ts', `import { InvokeModelCommand as Invoke, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const ID = 'anthropic.claude-3-haiku-20240307-v1:0';
export const a = new Invoke({ modelId: ID, body: '{}' });
export const b = new ConverseCommand({ modelId: process.env.MODEL ?? 'x', messages: [] });
`);
    write('ns.ts', `import * as br from '@aws-sdk/client-bedrock-runtime';
import rt = require('@aws-sdk/client-bedrock-runtime');
export const a = new br.InvokeModelWithResponseStreamCommand({ modelId: 'm', body: '' });
export const b = new rt.ConverseStreamCommand({ modelId: \`\${'us'}.anthropic.claude-sonnet-4-6\`, messages: [] });
`);
    write('cjs.js', `const Invoke = require('@aws-sdk/client-bedrock-runtime').InvokeModelCommand;
const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');
const client = new BedrockRuntime({});
exports.a = new Invoke({ modelId: 'm1' });
exports.b = () => client.invokeModel({ modelId: 'm2', body: '' });
exports.c = () => client.converse({ modelId: 'm3', messages: [] });
`);
    write('anthropic.ts', `import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
const client = new AnthropicBedrock();
export const r = client.messages.create({ model: 'claude-3-5-sonnet-20241022', max_tokens: 10, messages: [] });
`);
    write('unrelated.ts', `class Chat { converse(x: unknown) { return x; } }\nexport const y = new Chat().converse(1);\n`);
    const inv = detect(['.'], { cwd: TMP });
    const calls = inv.findings
      .filter((f) => f.kind === 'call')
      .map((f) => `${path.basename(f.file)}:${f.line} ${f.api} ${f.model} → ${f.handledBy ?? '-'}`);
    expect(calls).toEqual([
      'anthropic.ts:3 AnthropicBedrock messages.create claude-3-5-sonnet-20241022 → model-ids',
      'cjs.js:4 InvokeModel m1 → invoke-to-converse',
      'cjs.js:5 InvokeModel m2 → invoke-to-converse',
      'cjs.js:6 Converse m3 → -',
      'esm.ts:3 InvokeModel anthropic.claude-3-haiku-20240307-v1:0 → invoke-to-converse',
      "esm.ts:4 Converse process.env.MODEL ?? 'x' → -",
      'ns.ts:3 InvokeModelWithResponseStream m → converse-stream',
      'ns.ts:4 ConverseStream ${…}.anthropic.claude-sonnet-4-6 → -',
    ]);
  });

  it('lists InvokeModel calls to other model families as not Claude, with nothing to migrate', () => {
    write('families/embed.ts', `import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
const MODEL = process.env.EMBED_MODEL ?? 'amazon.titan-embed-text-v2:0';
export const a = new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify({ inputText: 'x' }) });
export function gateway(id: string, p: string) {
  const body = id.startsWith('anthropic.') ? { anthropic_version: 'bedrock-2023-05-31', max_tokens: 9, messages: [] } : { prompt: p, max_gen_len: 9 };
  return new InvokeModelCommand({ modelId: id, body: JSON.stringify(body) });
}
`);
    const inv = detect(['families'], { cwd: TMP });
    const calls = inv.findings.filter((f) => f.kind === 'call').map((f) => `${f.line} ${f.detail} → ${f.handledBy ?? '-'}`);
    expect(calls).toEqual(['3 InvokeModel call (not Claude: Titan) → -', '6 InvokeModel call (serves Claude, Llama) → invoke-to-converse']);
  });

  it('lists text editor use and stop-reason handling, and reports unparsable files as errors', () => {
    write('editor/tool.ts', `export const tool = { type: 'text_editor_20241022', name: 'str_replace_editor' };
export function run(cmd: string, res: { stop_reason: string }) {
  if (cmd === 'undo_edit') return null;
  switch (res.stop_reason) { case 'end_turn': return 1; }
  return res.stop_reason === 'max_tokens';
}
`);
    write('editor/bad.ts', 'const x = "stop_reason";\nlet = ;\n');
    const inv = detect(['editor'], { cwd: TMP });
    const rows = inv.findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.kind} ${f.detail} → ${f.handledBy ?? '-'}`);
    expect(rows[0]).toMatch(/^bad\.ts:2 error cannot parse: /);
    expect(rows.slice(1)).toEqual([
      'tool.ts:1 text-editor tool type text_editor_20241022 → text-editor-tool',
      'tool.ts:1 text-editor tool name str_replace_editor → text-editor-tool',
      'tool.ts:3 text-editor undo_edit command (removed in text_editor_20250728) → text-editor-tool',
      'tool.ts:4 stop-reason switch on stop_reason → refusal-stop-reason',
      'tool.ts:5 stop-reason compares stop_reason with "max_tokens" → refusal-stop-reason',
    ]);
  });

  it('marks legacy model IDs in code and config with their catalog status, and leaves current ones out', () => {
    write('ids/models.ts', `export const fast = 'anthropic.claude-3-haiku-20240307-v1:0';\nexport const now = 'anthropic.claude-sonnet-4-6';\nexport const other = 'amazon.titan-text-express-v1';\n`);
    write('ids/.env', 'MODEL=us.anthropic.claude-3-5-sonnet-20241022-v2:0\nNEW=global.anthropic.claude-sonnet-4-6\n');
    const rows = detect(['ids'], { cwd: TMP }).findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.model} ${f.status} → ${f.handledBy}`);
    expect(rows).toEqual([
      '.env:1 us.anthropic.claude-3-5-sonnet-20241022-v2:0 retired → model-ids',
      'models.ts:1 anthropic.claude-3-haiku-20240307-v1:0 retired → model-ids',
    ]);
  });

  it('pulls model-ID tokens out of text', () => {
    expect(modelTokens('MODEL=us.anthropic.claude-3-haiku-20240307-v1:0 # fast')).toEqual(['us.anthropic.claude-3-haiku-20240307-v1:0']);
    expect(modelTokens('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1')).toEqual(['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1']);
  });
});
