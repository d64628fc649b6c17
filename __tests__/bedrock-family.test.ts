/**
 * src/bedrock/family.ts: which model family an InvokeModel call talks to, from its model ID, a guard around
 * it and its body's keys.
 */
import { describe, expect, it } from 'vitest';
import { bodyFamily, callFamily, modelIdFamily } from '../src/bedrock/family';
import { findCommandConstructions, findRuntimeBindings } from '../src/ast/bedrock';
import { jscodeshiftFor } from '../src/engine/parse';

const j = jscodeshiftFor('ts');
const M = '"@aws-sdk/client-bedrock-runtime"';

/** The verdict for the (only) `new InvokeModelCommand(…)` of the source. */
function familyOf(body: string) {
  const root = j(`import { InvokeModelCommand } from ${M};\n${body}`);
  const [site] = findCommandConstructions(j, root, findRuntimeBindings(j, root), 'InvokeModelCommand');
  return callFamily(j, root, (site as any).get('arguments', 0));
}

describe('modelIdFamily', () => {
  it.each([
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'Claude'],
    ['global.anthropic.claude-opus-4-1-20250805-v1:0', 'Claude'],
    ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2', 'Claude'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0', 'Claude'],
    ['arn:aws:bedrock:us-east-1:123456789012:imported-model/abc', 'imported model'],
    ['amazon.titan-embed-text-v2:0', 'Titan'],
    ['us.amazon.nova-pro-v1:0', 'Nova'],
    ['meta.llama3-1-70b-instruct-v1:0', 'Llama'],
    ['mistral.mistral-large-2407-v1:0', 'Mistral'],
    ['cohere.rerank-v3-5:0', 'Cohere'],
    ['ai21.jamba-1-5-large-v1:0', 'AI21'],
    ['stability.stable-diffusion-xl-v1', 'Stability'],
  ])('%s → %s', (id, family) => {
    expect(modelIdFamily(id)).toBe(family);
  });
  it('says nothing about application inference profiles or unrelated strings', () => {
    expect(modelIdFamily('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x1y2')).toBeUndefined();
    expect(modelIdFamily('my-model')).toBeUndefined();
  });
});

describe('bodyFamily', () => {
  const body = (src: string) => bodyFamily((j(`(${src})`).find(j.ObjectExpression).paths()[0] as any).node);
  it.each([
    ['{ anthropic_version: "bedrock-2023-05-31", max_tokens: 10, messages }', 'Claude'],
    ['{ prompt: `\\n\\nHuman: ${q}\\n\\nAssistant:`, max_tokens_to_sample: 300 }', 'Claude'],
    ['{ inputText: t, textGenerationConfig: {} }', 'Titan'],
    ['{ texts: [t], input_type: "search_query" }', 'Cohere'],
    ['{ query, documents, top_n: 3 }', 'Cohere'],
    ['{ prompt, max_gen_len: 512 }', 'Llama'],
    ['{ prompt: "<s>[INST] hi [/INST]", max_tokens: 100 }', 'Mistral'],
    ['{ schemaVersion: "messages-v1", messages, inferenceConfig: {} }', 'Nova'],
    ['{ text_prompts: [], cfg_scale: 7 }', 'Stability'],
    ['{ prompt, maxTokens: 200 }', 'AI21'],
    ['{ messages, max_tokens: 10 }', 'non-Anthropic chat'],
    ['{}', 'empty body'],
  ])('%s → %s', (src, family) => {
    expect(body(src)).toBe(family);
  });
  it('says nothing when a spread may bring the keys', () => {
    expect(body('{ ...defaults, messages }')).toBeUndefined();
  });
});

describe('callFamily', () => {
  it('reads an env default and a constant', () => {
    const v = familyOf(`const MODEL = process.env.M ?? "amazon.titan-embed-text-v1";\nnew InvokeModelCommand({ modelId: MODEL, body: JSON.stringify(x) });`);
    expect(v).toEqual({ kind: 'not-claude', families: ['Titan'] });
  });
  it('reads a config object and a class field', () => {
    expect(familyOf(`const cfg = { model: "meta.llama3-8b-instruct-v1:0" };\nnew InvokeModelCommand({ modelId: cfg.model, body });`).kind).toBe('not-claude');
    const cls = `class A { modelId = "anthropic.claude-3-haiku-20240307-v1:0";\n run(b) { return new InvokeModelCommand({ modelId: this.modelId, body: b }); } }`;
    expect(familyOf(cls)).toEqual({ kind: 'claude', families: ['Claude'] });
  });
  it('follows a body built by a same-file helper and a private method parameter', () => {
    const helper = `function build(q) { return { anthropic_version: "bedrock-2023-05-31", max_tokens: 5, messages: [] }; }\nnew InvokeModelCommand({ modelId: m, body: JSON.stringify(build(q)) });`;
    expect(familyOf(helper).kind).toBe('claude');
    const method = `class E { async a(t) { return this.call({ inputText: t }); }\n private async call(b: object) { return new InvokeModelCommand({ modelId: m, body: JSON.stringify(b) }); } }`;
    expect(familyOf(method)).toEqual({ kind: 'not-claude', families: ['Titan'] });
  });
  it('names every family of a gateway call', () => {
    const gateway = `let body;\nif (id.startsWith("anthropic.")) body = { anthropic_version: "bedrock-2023-05-31", messages: [], max_tokens: 9 };\nelse body = { inputText: p };\nnew InvokeModelCommand({ modelId: id, body: JSON.stringify(body) });`;
    expect(familyOf(gateway)).toEqual({ kind: 'mixed', families: ['Claude', 'Titan'] });
  });
  it('takes a guard around the call as evidence', () => {
    expect(familyOf(`if (id.startsWith("anthropic.")) { new InvokeModelCommand({ modelId: id, body: b }); }`).kind).toBe('claude');
    expect(familyOf(`if (id.includes("claude")) {} else { new InvokeModelCommand({ modelId: id, body: b }); }`).kind).toBe('not-claude');
    expect(familyOf(`if (model.startsWith("cohere.embed")) { new InvokeModelCommand({ modelId: model, body: b }); }`)).toEqual({ kind: 'not-claude', families: ['Cohere'] });
  });
  it('reads the absence of keys only in a body nothing adds keys to', () => {
    // `addConfigParam(params, 'anthropic_version', …)` may add the key that makes it Claude's.
    const open = `function build(p) { const params = { messages: p }; addConfigParam(params, "anthropic_version", v); return params; }\nnew InvokeModelCommand({ modelId: m, body: JSON.stringify(build(p)) });`;
    expect(familyOf(open).kind).toBe('unknown');
    const closed = `function build(p) { const params = { messages: p, max_tokens: 10 }; return params; }\nnew InvokeModelCommand({ modelId: m, body: JSON.stringify(build(p)) });`;
    expect(familyOf(closed)).toEqual({ kind: 'not-claude', families: ['non-Anthropic chat'] });
  });
  it('calls a gateway with other families and bodies that say nothing mixed (Claude perhaps among them)', () => {
    const handlers = `const H = { titan: { params: (p) => ({ inputText: p }) }, claude: { params: (p) => { const b = { messages: p }; add(b); return b; } } };\nnew InvokeModelCommand({ modelId: m, body: JSON.stringify(h.params(p)) });`;
    expect(familyOf(handlers)).toEqual({ kind: 'mixed', families: ['Titan'] });
  });
  it('is unknown when nothing tells', () => {
    expect(familyOf(`export function f(modelId, body) { return new InvokeModelCommand({ modelId, body }); }`).kind).toBe('unknown');
  });
});
