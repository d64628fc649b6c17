/**
 * refusal-stop-reason: policies, shapes, placement and layout, run through the engine.
 * The fixtures (__testfixtures__/refusal-stop-reason) cover realistic files; these tests pin the rules.
 */
import { describe, expect, it } from 'vitest';
import codemod from '../src/codemods/refusal-stop-reason';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import type { CodemodOptions } from '../src/engine/types';

// The codemod decides by the file's imports whether it is a Bedrock/Anthropic file; the entry here lets
// every file that imports an SDK reach it, whatever the manifest's pre-filter substrings are.
const entry = {
  ...selectCodemods(['refusal-stop-reason'])[0],
  load: () => codemod,
  mentions: ['@aws-sdk/client-bedrock-runtime', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/sdk'],
};

function run(path: string, source: string, options: Partial<CodemodOptions> = {}) {
  return transformSource({ path, source, codemods: [entry], options });
}

/** The notes of a run (what the tool did, for the report), without the codemod's name. */
function notesOf(path: string, source: string, options: Partial<CodemodOptions> = {}) {
  return run(path, source, options).notes.map((n) => ({ kind: n.kind, line: n.line, text: n.message }));
}

/** Transforms and checks that a second run changes nothing. */
function migrate(path: string, source: string, options: Partial<CodemodOptions> = {}): string {
  const result = run(path, source, options);
  expect(result.output, 'the codemod changed nothing').not.toBeNull();
  expect(run(path, result.output!, options).output, 'second run changed the output').toBeNull();
  return result.output!;
}

const CONVERSE_TS = `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function ask(prompt: string, modelId: string) {
  const response = await client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: prompt }] }] }));
  return response.output?.message?.content?.[0]?.text ?? "";
}
`;

const INVOKE_CJS = `const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

async function ask(client, prompt) {
  const res = await client.send(new InvokeModelCommand({
    modelId: 'anthropic.claude-sonnet-4-20250514-v1:0',
    body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] }),
  }));
  const body = JSON.parse(new TextDecoder().decode(res.body));
  return body.content.map((b) => b.text).join('');
}

module.exports = { ask };
`;

/** Loads CommonJS source text as a module. */
function load(source: string): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const module = { exports: {} as Record<string, (...args: unknown[]) => Promise<unknown>> };
  new Function('require', 'module', 'exports', source)(require, module, module.exports);
  return module.exports;
}

/** A client whose `send` answers every command with this Anthropic body. */
function fakeClient(answer: object) {
  return { send: async () => ({ body: new TextEncoder().encode(JSON.stringify(answer)) }) };
}

describe('refusal-stop-reason: what the inserted code does', () => {
  const output = migrate('ask.cjs', INVOKE_CJS);

  it('throws an error naming the refusal and the model where the original returned empty text', async () => {
    const refusal = { content: [], stop_reason: 'refusal', usage: { input_tokens: 5, output_tokens: 0 } };
    await expect(load(INVOKE_CJS).ask(fakeClient(refusal), 'x')).resolves.toBe('');
    await expect(load(output).ask(fakeClient(refusal), 'x')).rejects.toThrow(
      'Claude refused the request (stop reason: refusal, model: anthropic.claude-sonnet-4-20250514-v1:0)',
    );
  });

  it('leaves a normal answer unchanged', async () => {
    const answer = { content: [{ type: 'text', text: 'Paris.' }], stop_reason: 'end_turn' };
    await expect(load(output).ask(fakeClient(answer), 'x')).resolves.toBe('Paris.');
  });

  it('keeps the file style: single quotes, guard right after the decoded body', () => {
    expect(output).toContain(`  const body = JSON.parse(new TextDecoder().decode(res.body));\n\n  if (body.stop_reason === 'refusal') {`);
    expect(output).not.toContain('TODO(bedrock-claude-codemod)');
  });
});

describe('refusal-stop-reason: policies', () => {
  it('throw (default): Converse test with the widened literal and the model in the message', () => {
    const out = migrate('a.ts', CONVERSE_TS);
    expect(out).toContain('if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {');
    expect(out).toContain('`Claude refused the request (stop reason: ${response.stopReason}, model: ${modelId})`');
    expect(out).not.toContain('TODO(bedrock-claude-codemod)');
    expect(notesOf('a.ts', CONVERSE_TS)).toEqual([
      { kind: 'refusal', line: 6, text: expect.stringMatching(/added a check that throws .*what Converse really returns is uncertain/) },
    ]);
  });

  it('JavaScript gets the plain literal', () => {
    const out = migrate('a.js', CONVERSE_TS.replace('(prompt: string, modelId: string)', '(prompt, modelId)'));
    expect(out).toContain('response.stopReason === "content_filtered" || response.stopReason === "refusal") {');
  });

  it('return-null', () => {
    const out = migrate('a.ts', CONVERSE_TS, { refusal: 'return-null' });
    expect(out).toMatch(/\) \{\n {4}return null;\n {2}\}/);
    expect(notesOf('a.ts', CONVERSE_TS, { refusal: 'return-null' })[0].text).toContain('added a check that returns null');
  });

  it('return-null falls back to a marker when the declared return type excludes null', () => {
    const source = CONVERSE_TS.replace('modelId: string)', 'modelId: string): Promise<string>');
    const out = migrate('a.ts', source, { refusal: 'return-null' });
    expect(out).not.toContain('return null');
    expect(out).toContain('// TODO(bedrock-claude-codemod): Claude 4 can stop with "refusal": check the stop reason before the text read here is used\n');
    expect(notesOf('a.ts', source, { refusal: 'return-null' })[0].text).toContain('the declared return type does not allow null');
  });

  it('handler: calls the configured function and says when it is not defined', () => {
    const out = migrate('a.ts', CONVERSE_TS, { refusal: 'handler', refusalHandler: 'onRefusal' });
    expect(out).toContain('return onRefusal(response);');
    expect(notesOf('a.ts', CONVERSE_TS, { refusal: 'handler', refusalHandler: 'onRefusal' })[0].text).toContain('calls onRefusal(), which must be defined or imported');
  });

  it('marker: only a marker, no code', () => {
    const result = run('a.ts', CONVERSE_TS, { refusal: 'marker' });
    expect(result.output).not.toContain('if (response.stopReason');
    expect(result.markers).toHaveLength(1);
    expect(result.output).toContain('check the stop reason before the text read here is used');
  });
});

describe('refusal-stop-reason: what is left alone', () => {
  it('files without a Bedrock or Anthropic import', () => {
    const source = `export function f(r: { stop_reason: string }) {\n  switch (r.stop_reason) {\n    case "end_turn":\n      return 1;\n    case "max_tokens":\n      return 2;\n  }\n  return 0;\n}\n`;
    expect(run('a.ts', source).output).toBeNull();
  });

  it('functions that already mention refusal, and negative checks', () => {
    const handled = CONVERSE_TS.replace('  return response', '  if (response.stopReason !== "end_turn") throw new Error("stopped");\n  return response');
    expect(run('a.ts', handled).output).toBeNull();
  });

  it('functions that surface the stop reason to their caller', () => {
    const surfaced = CONVERSE_TS.replace('return response.output?.message?.content?.[0]?.text ?? "";', 'return { text: response.output?.message?.content?.[0]?.text, stopReason: response.stopReason };');
    expect(run('a.ts', surfaced).output).toBeNull();
  });
});

describe('refusal-stop-reason: switches', () => {
  const header = `import type { StopReason } from "@aws-sdk/client-bedrock-runtime";\n\n`;

  it('keeps the indentation of the switch and adds the case before default', () => {
    const source = `${header}export function f(reason: StopReason | undefined): string {\n    switch (reason) {\n        case "end_turn":\n            return "ok";\n        case "max_tokens":\n            return "cut";\n        default:\n            return "?";\n    }\n}\n`;
    const out = migrate('a.ts', source);
    expect(out).toContain(`            return "cut";\n        case "content_filtered":\n        case "refusal" as string:\n            throw new Error(`);
    expect(notesOf('a.ts', source).map((n) => n.text)).toEqual([expect.stringContaining('added a case that throws')]);
    expect(out).toContain(`        default:\n            return "?";\n    }\n}\n`);
  });

  it('appends after the last case when there is no default (single quotes, layout kept)', () => {
    const source = `import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\nexport const c = InvokeModelCommand;\nexport function f(payload: { stop_reason: string }) {\n  switch (payload.stop_reason) {\n    case 'end_turn':\n      break;\n    case 'max_tokens':\n      console.warn('cut');\n      break;\n  }\n}\n`;
    const out = migrate('a.ts', source);
    expect(out).toContain(`      break;\n    case 'refusal':\n      throw new Error('Claude refused the request (stop reason: refusal)');\n  }\n}\n`);
    expect(out).toContain(`\n    case 'refusal':\n      throw new Error('Claude refused the request (stop reason: refusal)');\n  }\n}\n`);
  });

  it('never splits a fall-through into default: the case goes first instead', () => {
    const source = `${header}export function f(reason: StopReason, log: (s: string) => void) {\n  switch (reason) {\n    case "max_tokens":\n      log("cut");\n    default:\n      log("done");\n  }\n}\n`;
    const out = migrate('a.ts', source);
    expect(out.indexOf('case "content_filtered"')).toBeLessThan(out.indexOf('case "max_tokens"'));
  });

  it('Anthropic shape: case "refusal" only', () => {
    const source = `import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";\nconst c = new AnthropicBedrock();\nexport async function f() {\n  const m = await c.messages.create({ model: "m", max_tokens: 5, messages: [] });\n  switch (m.stop_reason) {\n    case "end_turn":\n      return m.content;\n    case "max_tokens":\n      return [];\n  }\n  return null;\n}\n`;
    const out = migrate('a.ts', source);
    expect(out).toContain('    case "refusal":\n      throw new Error("Claude refused the request (stop reason: refusal, model: m)");\n');
    expect(out).not.toContain('content_filtered');
  });
});

describe('refusal-stop-reason: if / else-if chains', () => {
  const header = `const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");\n`;

  it('adds the branch before the final else and keeps braceless branches as they were', () => {
    const source = `${header}function check(body) {\n  if (body.stop_reason === "max_tokens") warn("cut");\n  else if (body.stop_reason === "tool_use") return runTools(body);\n  else return body.content[0].text;\n}\n`;
    const out = migrate('a.js', source);
    expect(out).toContain(
      `  if (body.stop_reason === "max_tokens") warn("cut");\n  else if (body.stop_reason === "tool_use") return runTools(body);\n  else if (body.stop_reason === "refusal") {\n    throw new Error(`,
    );
    expect(out).toContain('  }\n  else return body.content[0].text;\n}');
  });

  it('Converse: a content_filtered test also takes the raw "refusal" string', () => {
    const source = `import type { ConverseCommandOutput } from "@aws-sdk/client-bedrock-runtime";\nexport function f(r: ConverseCommandOutput) {\n  if (r.stopReason === "content_filtered") {\n    return "blocked";\n  } else if (r.stopReason === "max_tokens") {\n    return "cut";\n  }\n  return "ok";\n}\n`;
    const out = migrate('a.ts', source);
    expect(out).toContain('if (r.stopReason === "content_filtered" || r.stopReason === ("refusal" as string)) {');
    expect(out).not.toContain('throw');
  });

  it('a ternary on the stop reason gets a marker, not a rewrite', () => {
    const source = CONVERSE_TS.replace('return response.output?.message?.content?.[0]?.text ?? "";', 'const text = response.output?.message?.content?.[0]?.text ?? "";\n  return response.stopReason === "max_tokens" ? `${text}…` : text;');
    const result = run('a.ts', source);
    expect(result.markers.map((m) => m.message)).toEqual([expect.stringContaining('branches on the stop reason with no refusal outcome')]);
    expect(result.output).not.toContain('throw');
    expect(run('a.ts', result.output!).output).toBeNull();
  });

  it('one branch per function and stop reason', () => {
    const source = `${header}function f(body) {\n  if (body.stop_reason === "max_tokens") log(1);\n  if (body.stop_reason === "tool_use") log(2);\n  return body.content;\n}\n`;
    expect(migrate('a.js', source).match(/=== "refusal"/g)).toHaveLength(1);
  });
});

describe('refusal-stop-reason: types and data', () => {
  const header = `import type { InvokeModelCommandOutput } from "@aws-sdk/client-bedrock-runtime";\nexport type Out = InvokeModelCommandOutput;\n`;

  it('a union keying a Record is not extended (the map would break): both get markers', () => {
    const source = `${header}type R = "end_turn" | "max_tokens";\nexport const labels: Record<R, string> = { end_turn: "ok", max_tokens: "cut" };\n`;
    const result = run('a.ts', source);
    expect(result.output).toContain('type R = "end_turn" | "max_tokens";');
    expect(result.markers.map((m) => m.message).join('\n')).toMatch(/the Record it keys needs one too[\s\S]*add an entry for it to this map/);
  });

  it('a union keying only a Partial<Record> is extended', () => {
    const source = `${header}type R = "end_turn" | "max_tokens";\nexport const labels: Partial<Record<R, string>> = { end_turn: "ok" };\n`;
    expect(migrate('a.ts', source)).toContain('type R = "end_turn" | "max_tokens" | "refusal";');
  });

  it('an `as const` object of stop reasons gets the entry, unless its type is taken with typeof', () => {
    const object = `export const Stop = {\n  EndTurn: "end_turn",\n  MaxTokens: "max_tokens",\n} as const;\n`;
    expect(migrate('a.ts', `${header}${object}`)).toContain('  Refusal: "refusal",\n} as const;');
    const typed = `${header}${object}export type Stop = (typeof Stop)[keyof typeof Stop];\nexport const labels: Record<Stop, string> = { end_turn: "ok", max_tokens: "cut" };\n`;
    const result = run('a.ts', typed);
    expect(result.output).not.toContain('Refusal');
    expect(result.markers.map((m) => m.message).join('\n')).toContain('its type is used by name elsewhere');
  });

  it('enum members follow the existing spelling', () => {
    const source = `${header}export enum Stop {\n  END_TURN = "end_turn",\n  MAX_TOKENS = "max_tokens",\n}\n`;
    expect(migrate('a.ts', source)).toContain('REFUSAL = "refusal"');
  });
});

describe('refusal-stop-reason: module-level code', () => {
  const script = `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({});
const response = await client.send(new ConverseCommand({ modelId: "m", messages: [] }));
console.log(response.output?.message?.content?.[0]?.text);
export function later(stopReason: string) {
  return stopReason === "max_tokens";
}
`;

  it('gets a guard after the response (functions elsewhere in the file do not count as a check)', () => {
    const out = migrate('script.mts', script);
    expect(out).toMatch(/const response = await client\.send\([^\n]*\n\nif \(response\.stopReason === "content_filtered"/);
  });

  it('a #! script gets the guard too, and keeps its #! line first', () => {
    const result = run('script.mjs', `#!/usr/bin/env node\n// tool\n${script.replace(': string', '')}`);
    expect(result.output!.startsWith('#!/usr/bin/env node\n// tool\nimport ')).toBe(true);
    expect(result.output).toMatch(/const response = await client\.send\([^\n]*\n\nif \(response\.stopReason === "content_filtered"/);
  });
});

describe('refusal-stop-reason: file format', () => {
  it('keeps CRLF line endings', () => {
    const out = migrate('a.cjs', INVOKE_CJS.replace(/\n/g, '\r\n'));
    expect(out.includes('\n') && out.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(out).toContain("if (body.stop_reason === 'refusal') {\r\n");
  });
});
