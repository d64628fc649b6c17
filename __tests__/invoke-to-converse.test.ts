/**
 * invoke-to-converse: every fixture through the engine (expected output, untouched files stay untouched,
 * a second run changes nothing, the markers name why a call was kept), plus the request-mapping API that
 * converse-stream builds on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ASTPath } from 'jscodeshift';
import codemod from '../src/codemods/invoke-to-converse';
import { mapInvokeRequest } from '../src/bedrock/request';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import { jscodeshiftFor } from '../src/engine/parse';
import { resolveOptions } from '../src/engine/options';
import { detectStyle } from '../src/engine/style';
import type { CodemodContext } from '../src/engine/types';
import { MARKER_PREFIX } from '../src/ast/markers';
import { findCommandConstructions, findRuntimeBindings } from '../src/ast/bedrock';
import { callFamily } from '../src/bedrock/family';

const DIR = path.join(__dirname, '..', '__testfixtures__', 'invoke-to-converse');
// The codemod module is handed to the engine directly (the manifest loads it with require()).
const entries = selectCodemods(['invoke-to-converse']).map((e) => ({ ...e, load: () => codemod }));
const run = (file: string, source: string, options: Record<string, unknown> = {}) => transformSource({ path: file, source, codemods: entries, options });
/** `<case>.options.json` next to a fixture (for example `{ "boundaries": "mark" }`). */
const optionsOf = (inputPath: string): Record<string, unknown> => {
  const p = inputPath.replace(/\.input\.\w+$/, '.options.json');
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')) : {};
};

/** True when the file still holds an InvokeModel call and every one of them is to another model family. */
function leftAlone(file: string, source: string): boolean {
  const j = jscodeshiftFor(file.endsWith('.ts') ? 'ts' : 'tsx');
  const root = j(source);
  const sites = findCommandConstructions(j, root, findRuntimeBindings(j, root), 'InvokeModelCommand');
  return sites.length > 0 && sites.every((p) => callFamily(j, root, (p as AnyPath).get('arguments', 0)).kind === 'not-claude');
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPath = any;

const cases = fs
  .readdirSync(DIR)
  .filter((f) => /\.input\.(ts|tsx|js|mjs|cjs)$/.test(f))
  .sort();

describe('invoke-to-converse fixtures', () => {
  it('has enough cases, runnable ones among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const runnable = fs.readdirSync(DIR).filter((f) => f.endsWith('.run.json'));
    expect(runnable.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s', (file) => {
    const inputPath = path.join(DIR, file);
    const outputPath = inputPath.replace('.input.', '.output.');
    const input = fs.readFileSync(inputPath, 'utf8');
    const options = optionsOf(inputPath);
    const result = run(inputPath, input, options);
    if (!fs.existsSync(outputPath)) {
      expect(result.output, 'must come back byte-identical').toBeNull();
      return;
    }
    const expected = fs.readFileSync(outputPath, 'utf8');
    expect(result.output).toBe(expected);
    // Idempotent: the output is left alone, markers are not duplicated.
    expect(run(outputPath, expected, options).output).toBeNull();
    // A kept call names its reason; a migrated file has no InvokeModelCommand left unless a marker says why.
    const kept = (expected.match(/InvokeModel call kept: /g) ?? []).length;
    expect(result.markers.filter((m) => m.message.startsWith('InvokeModel call kept')).length).toBe(kept);
    // Calls to other model families stay as they are, without a marker; a gateway send routed at run time
    // keeps its InvokeModel command as the path for the other families.
    const gateway = result.notes.some((n) => n.kind === 'boundary' && n.message.startsWith('gateway:'));
    if (kept === 0 && !leftAlone(file, expected) && !gateway) {
      expect(expected).not.toMatch(/InvokeModelCommand\b|\.invokeModel\(/);
      expect(expected).not.toMatch(/TextDecoder|transformToString/);
    }
  });
});

describe('markers name the field that blocks the migration', () => {
  const marker = (file: string, options: Record<string, unknown> = {}) => {
    const p = path.join(DIR, file);
    const r = run(p, fs.readFileSync(p, 'utf8'), options);
    expect(r.output).not.toBeNull();
    expect(r.output).toContain(MARKER_PREFIX);
    return r.markers.map((m) => m.message).join('\n');
  };
  it('Anthropic-defined tools', () => expect(marker('keep-anthropic-defined-tool.input.ts')).toMatch(/text_editor_20250728/));
  it('tool_choice none', () => expect(marker('keep-tool-choice-none.input.js')).toMatch(/tool_choice "none"/));
  it('metadata', () => expect(marker('keep-metadata.input.js')).toMatch(/"metadata"/));
  const mark = { boundaries: 'mark' };
  it('an unresolvable body (--boundaries mark)', () => expect(marker('boundary-body-from-parameter.input.ts', mark)).toMatch(/body .*cannot be resolved/));
  it('messages from the caller (--boundaries mark)', () => expect(marker('boundary-messages-from-caller.input.js', mark)).toMatch(/messages \("messages"\)/));
  it('the parsed message returned from an exported function (--boundaries mark)', () =>
    expect(marker('two-calls-one-boundary.input.ts', mark)).toMatch(/returned from "rawMessage", which is exported/));
  it('a gateway serving several model families (--boundaries mark)', () => expect(marker('keep-gateway-families.input.js', mark)).toMatch(/Claude and other model families \(Llama, Titan\)/));
  it('response fields with no Converse equivalent', () => expect(marker('keep-message-id.input.ts')).toMatch(/"id"/));
});

describe('boundaries: conversions where the shape comes from or goes to code the run cannot rewrite', () => {
  const notesOf = (file: string) => {
    const p = path.join(DIR, file);
    return run(p, fs.readFileSync(p, 'utf8')).notes.map((n) => n.message);
  };
  it('lists every boundary in the report', () => {
    expect(notesOf('boundary-lambda-http-body.input.mjs')).toEqual(
      expect.arrayContaining(['messages converted from the Anthropic shape where it is sent: toConverseMessages(messages)', 'system converted from the Anthropic shape where it is sent: toConverseSystem(system)']),
    );
    expect(notesOf('boundary-body-from-parameter.input.ts')).toContain('the body converted from the Anthropic shape where it is sent: toConverseRequest(body)');
    expect(notesOf('boundary-returned-message.input.cjs').join('\n')).toMatch(/converted back to the Anthropic message shape by toAnthropicMessage/);
  });
  it('writes each helper once per file, also with two boundaries', () => {
    const p = path.join(DIR, 'boundary-lambda-http-body.input.mjs');
    const out = run(p, fs.readFileSync(p, 'utf8')).output!;
    for (const name of ['toConverseMessages', 'toConverseSystem', 'toConverseContent', 'toConverseBlock']) {
      expect(out.match(new RegExp(`^function ${name}\\(`, 'gm'))?.length, name).toBe(1);
    }
  });
  it('notes that messages from outside may carry tool blocks a request without tools cannot send', () => {
    expect(notesOf('boundary-messages-from-caller.input.js').join('\n')).toMatch(/no tools: Converse rejects tool_use\/tool_result/);
  });
});

describe('request and response mapping details', () => {
  const convert = (source: string, file = 'case.ts') => run(file, source);
  /** With `--boundaries mark`: the reason a call would be kept without the boundary helpers. */
  const convertMarked = (source: string, file = 'case.ts') => run(file, source, { boundaries: 'mark' });
  const head = `import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";\nconst client = new BedrockRuntimeClient({});\nfunction describe(s: string) {\n  return \`about \${s}\`;\n}\n`;
  const call = (body: string, after = 'return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;') =>
    `${head}export async function f(p: string) {\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify(${body}) }));\n  ${after}\n}\n`;

  it('maps every sampling field and drops anthropic_version', () => {
    const out = convert(call('{ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, temperature: 0.1, top_p: 0.9, top_k: 5, stop_sequences: ["x"], messages: [{ role: "user", content: p }] }')).output!;
    expect(out).toMatch(/maxTokens: 10/);
    expect(out).toMatch(/topP: 0\.9/);
    expect(out).toMatch(/stopSequences: \["x"\]/);
    expect(out).toMatch(/additionalModelRequestFields: \{\s*top_k: 5/);
    expect(out).not.toMatch(/anthropic_version/);
  });

  it('turns tool_use / tool_result history blocks into toolUse / toolResult and requires tools', () => {
    const withoutTools = convert(
      call('{ max_tokens: 10, messages: [{ role: "assistant", content: [{ type: "tool_use", id: "t1", name: "n", input: {} }] }, { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "ok" }] }] }'),
    );
    expect(withoutTools.markers[0]?.message).toMatch(/toolConfig/);
  });

  it('maps is_error given as an expression to a status conditional', () => {
    const out = convert(
      call('{ max_tokens: 10, tools: [{ name: "n", input_schema: { type: "object" } }], messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "boom", is_error: p.length > 3 }] }] }'),
    ).output!;
    expect(out).toMatch(/status: p\.length > 3 \? "error" : "success"/);
  });

  it('keeps redacted_thinking (its byte encoding is not documented)', () => {
    const r = convert(call('{ max_tokens: 10, messages: [{ role: "assistant", content: [{ type: "redacted_thinking", data: "abc" }] }] }'));
    expect(r.markers[0]?.message).toMatch(/redacted_thinking/);
  });

  it('keeps non-literal image media types', () => {
    const r = convert(call('{ max_tokens: 10, messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: p, data: p } }] }] }'));
    expect(r.markers[0]?.message).toMatch(/media_type/);
  });

  it('maps a plain-text document to a txt document with a generated name', () => {
    const out = convert(call('{ max_tokens: 10, messages: [{ role: "user", content: [{ type: "document", source: { type: "text", media_type: "text/plain", data: p } }, { type: "text", text: "Summarize" }] }] }')).output!;
    expect(out).toMatch(/format: "txt"/);
    expect(out).toMatch(/name: "document-1"/);
    expect(out).toMatch(/source: \{\s*text: p/);
  });

  it('maps thinking blocks in the history to reasoningContent', () => {
    const out = convert(call('{ max_tokens: 10, messages: [{ role: "assistant", content: [{ type: "thinking", thinking: "hmm", signature: "sig" }, { type: "text", text: "hi" }] }, { role: "user", content: p }] }')).output!;
    expect(out).toMatch(/reasoningContent: \{\s*reasoningText: \{\s*text: "hmm",\s*signature: "sig"/);
  });

  it('rejects a multi-turn Text Completions prompt', () => {
    const r = convert(call('{ prompt: `\\n\\nHuman: hi\\n\\nAssistant: hello\\n\\nHuman: ${p}\\n\\nAssistant:`, max_tokens_to_sample: 10 }', 'return JSON.parse(new TextDecoder().decode(r.body)).completion;'));
    expect(r.markers[0]?.message).toMatch(/several Human\/Assistant turns/);
  });

  it('widens refusal comparisons in TypeScript and says why', () => {
    const out = convert(call('{ max_tokens: 10, messages: [{ role: "user", content: p }] }', 'const m = JSON.parse(new TextDecoder().decode(r.body));\n  if (m.stop_reason === "refusal") return "";\n  return m.content[0].text;')).output!;
    expect(out).toMatch(/\(r\.stopReason as string\) === "refusal"/);
    expect(out).toMatch(/Converse has no "refusal" stop reason/);
  });

  it('does not touch the call when the response escapes, even if the request maps', () => {
    const source = call('{ max_tokens: 10, messages: [{ role: "user", content: p }] }', 'return r;');
    const r = convert(source);
    expect(r.output).toContain('InvokeModelCommand');
    expect(r.output).toContain('JSON.stringify');
    expect(r.markers).toHaveLength(1);
  });

  it('does not move a payload past statements when that could change its value', () => {
    const body = (init: string, between: string) =>
      `${head}export async function f(p: string) {\n  let q = p;\n  const payload = ${init};\n  ${between}\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify(payload) }));\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\n`;
    const calls = convertMarked(body('{ max_tokens: 5, messages: [{ role: "user", content: describe(p) }] }', 'console.log("sending");'));
    expect(calls.markers[0]?.message).toMatch(/calls describe\(\)/);
    const reassigned = convertMarked(body('{ max_tokens: 5, messages: [{ role: "user", content: q }] }', 'q = "changed";'));
    expect(reassigned.markers[0]?.message).toMatch(/reads "q", which is reassigned/);
    // By default the payload stays where it is built and is converted whole where it is sent.
    const converted = convert(body('{ max_tokens: 5, messages: [{ role: "user", content: q }] }', 'q = "changed";')).output!;
    expect(converted).toMatch(/const payload = \{ max_tokens: 5, messages: \[\{ role: "user", content: q \}\] \};/);
    expect(converted).toMatch(/\.\.\.toConverseRequest\(payload\)/);
    // Plain values, or nothing in between: inlined.
    expect(convert(body('{ max_tokens: 5, messages: [{ role: "user", content: p }] }', 'console.log("sending");')).output).toMatch(/ConverseCommand/);
    expect(convert(body('{ max_tokens: 5, messages: [{ role: "user", content: describe(p) }] }', '')).output).toMatch(/content: \[\{ text: describe\(p\) \}\]/);
  });

  it('converts a typed string-content history where it is sent, only when the type proves it', () => {
    const source = (type: string) =>
      `${head}type Turn = ${type};\nexport async function f(history: Turn[]) {\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify({ max_tokens: 5, messages: history }) }));\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\n`;
    const typed = (type: string) => convert(source(type));
    const typedMarked = (type: string) => convertMarked(source(type));
    // Without the typed proof, the default converts at the boundary.
    expect(typed('{ role: string; content: string }').output).toMatch(/messages: toConverseMessages\(history\)/);
    expect(typed('{ role: "user" | "assistant"; content: string }').output).toMatch(/messages: history\.map\(\(m\) => \(\{ role: m\.role, content: \[\{ text: m\.content \}\] \}\)\)/);
    // Content that may be blocks, an extra field, or a role of type string: kept.
    expect(typedMarked('{ role: "user" | "assistant"; content: string | object[] }').markers[0]?.message).toMatch(/messages \("history"\)/);
    expect(typedMarked('{ role: "user" | "assistant"; content: string; id: number }').markers).toHaveLength(1);
    expect(typedMarked('{ role: string; content: string }').markers).toHaveLength(1);
  });

  it('maps destructured tool_use blocks and usage fields', () => {
    const out = convert(
      call(
        '{ max_tokens: 5, tools: [{ name: "t", input_schema: { type: "object" } }], messages: [{ role: "user", content: p }] }',
        'const m = JSON.parse(new TextDecoder().decode(r.body));\n  const { input_tokens, cache_read_input_tokens: cached } = m.usage;\n  for (const block of m.content) {\n    if (block.type !== "tool_use") continue;\n    const { id, name, input } = block;\n    return [id, name, input, input_tokens, cached];\n  }\n  return null;',
      ),
    ).output!;
    expect(out).toMatch(/const \{ inputTokens: input_tokens, cacheReadInputTokens: cached \} = r\.usage!;/);
    expect(out).toMatch(/if \(block\.toolUse === undefined\) continue;/);
    expect(out).toMatch(/const \{ toolUseId: id, name, input \} = block\.toolUse!;/);
  });

  it('follows a helper that returns the parsed message into its callers, only when nothing else can call it', () => {
    const helper = (exported: string, extraReturn: string) =>
      `${head}${exported}async function ask(p: string) {\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify({ max_tokens: 5, messages: [{ role: "user", content: p }] }) }));\n  ${extraReturn}\n  return JSON.parse(new TextDecoder().decode(r.body));\n}\nexport async function use(q: string) {\n  const m = await ask(q);\n  return m.content[0].text;\n}\n`;
    const out = convert(helper('', '')).output!;
    expect(out).toMatch(/return r;/);
    expect(out).toMatch(/return m\.output!\.message!\.content!\[0\]\.text!;/);
    expect(convertMarked(helper('export ', '')).markers[0]?.message).toMatch(/"ask", which is exported/);
    expect(convertMarked(helper('', 'if (!p) return { content: [] };')).markers[0]?.message).toMatch(/returns other values/);
  });

  it('follows a messages parameter into the local histories its callers pass, only for non-exported helpers', () => {
    const src = (exported: string, arg: string) =>
      `${head}${exported}async function send(messages: any[]) {\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify({ max_tokens: 5, messages }) }));\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\nexport async function go(q: string, other: any[]) {\n  const history: any[] = [{ role: "user", content: q }];\n  return send(${arg});\n}\n`;
    expect(convert(src('', 'history')).output).toMatch(/const history: any\[\] = \[\{ role: "user", content: \[\{ text: q \}\] \}\];/);
    expect(convertMarked(src('export ', 'history')).markers[0]?.message).toMatch(/"send", which is exported/);
    expect(convertMarked(src('', 'other')).markers[0]?.message).toMatch(/passes something other than a local array/);
  });

  it('keeps per-call send options', () => {
    const source = `${head}export async function f(p: string, signal: AbortSignal) {\n  const r = await client.send(new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify({ max_tokens: 5, messages: [{ role: "user", content: p }] }) }), { abortSignal: signal });\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\n`;
    const out = convert(source).output!;
    expect(out).toMatch(/new ConverseCommand\(/);
    expect(out).toMatch(/\{ abortSignal: signal \}\)/);
  });

  it('follows a same-file decode helper, an input-building helper and a retry wrapper, but not exported helpers or a wrapper that changes the result', () => {
    const send = (input: string) => `client.send(new InvokeModelCommand(${input}))`;
    const literal = '{ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify({ max_tokens: 5, messages: [{ role: "user", content: p }] }) }';
    const decode = (exported: string) =>
      `${head}${exported}function readBody(o: any) {\n  return JSON.parse(new TextDecoder().decode(o.body));\n}\nexport async function f(p: string) {\n  const r = await ${send(literal)};\n  return readBody(r).content[0].text;\n}\n`;
    expect(convert(decode('')).output).not.toMatch(/readBody/);
    expect(convertMarked(decode('export ')).markers[0]?.message).toMatch(/passed on whole/);
    const build = (exported: string) =>
      `${head}${exported}function build(p: string) {\n  return ${literal};\n}\nexport async function f(p: string) {\n  const r = await ${send('build(p)')};\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\n`;
    expect(convert(build('')).output).toMatch(/messages: \[\{ role: "user", content: \[\{ text: p \}\] \}\]/);
    expect(convertMarked(build('export ')).markers[0]?.message).toMatch(/cannot be resolved to an object literal/);
    const retry = (body: string) =>
      `${head}async function retry(fn: () => Promise<any>) {\n  ${body}\n}\nexport async function f(p: string) {\n  const r = await retry(() => ${send(literal)});\n  return JSON.parse(new TextDecoder().decode(r.body)).content[0].text;\n}\n`;
    expect(convert(retry('return await fn();')).output).toMatch(/new ConverseCommand\(/);
    expect(convertMarked(retry('const r = await fn();\n  return { ...r };')).markers[0]?.message).toMatch(/promise is passed on/);
  });

  it('keeps CRLF line endings', () => {
    const source = call('{ max_tokens: 10, messages: [{ role: "user", content: p }] }').replace(/\n/g, '\r\n');
    const out = convert(source).output!;
    expect(out).toContain('ConverseCommand');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('mapInvokeRequest (the API converse-stream builds on)', () => {
  function contextFor(source: string, file = 'x.ts'): { ctx: CodemodContext; input: ASTPath } {
    const j = jscodeshiftFor('ts');
    const root = j(source);
    const ctx: CodemodContext = {
      j,
      root,
      file: { path: file, source },
      options: resolveOptions({}),
      style: detectStyle(source, false),
      marker: () => undefined,
      note: () => undefined,
      isIgnored: () => false,
    };
    const input = root.find(j.NewExpression).paths()[0].get('arguments', 0) as ASTPath;
    return { ctx, input };
  }

  it('returns apply() and changes nothing before it is called', () => {
    const source = 'new InvokeModelWithResponseStreamCommand({ modelId: "m", contentType: "application/json", body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 5, system: "s", messages: [{ role: "user", content: "hi" }] }) });';
    const { ctx, input } = contextFor(source);
    const result = mapInvokeRequest(ctx, input);
    expect(result.ok).toBe(true);
    expect(ctx.root.toSource()).toBe(source);
    if (result.ok) result.apply();
    const out = ctx.root.toSource();
    expect(out).toMatch(/messages: \[\{\s*role: "user",\s*content: \[\{\s*text: "hi"/);
    expect(out).toMatch(/system: \[\{\s*text: "s"/);
    expect(out).toMatch(/inferenceConfig: \{\s*maxTokens: 5/);
    expect(out).not.toMatch(/contentType|anthropic_version|body/);
  });

  it('names the blocking field in reason', () => {
    const { ctx, input } = contextFor('new InvokeModelCommand({ modelId: "m", body: JSON.stringify({ max_tokens: 5, metadata: { user_id: "u" }, messages: [] }) });');
    const result = mapInvokeRequest(ctx, input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/metadata/);
  });

  it('follows a const payload and later assignments', () => {
    const { ctx, input } = contextFor(
      'function f(q: string) { const payload = { max_tokens: 5, messages: [{ role: "user", content: q }] };\npayload.temperature = 0;\nreturn new InvokeModelCommand({ modelId: "m", body: JSON.stringify(payload) }); }',
    );
    const result = mapInvokeRequest(ctx, input);
    expect(result.ok).toBe(true);
    if (result.ok) result.apply();
    const out = ctx.root.toSource();
    expect(out).not.toMatch(/payload/);
    expect(out).toMatch(/temperature: 0/);
  });
});
