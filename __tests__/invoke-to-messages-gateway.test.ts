/**
 * invoke-to-messages at a gateway's shared send (`--api messages`): the run-time dispatch helpers
 * (src/bedrock/boundary/messages-gateway.ts) executed on their own (which calls go to the Messages API on Bedrock,
 * with which request), and the gateway fixtures run against the stub with the real SDKs for a served Claude model
 * (Messages API), a Claude model that API does not serve and other model families (InvokeModel, unchanged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HELPERS, gatewayHelperDependencies, gatewayHelperSource, type GatewayHelperOptions } from '../src/bedrock/boundary/messages-gateway';
import { IGNORED_BETAS, MAX_NONSTREAMING_TOKENS, servedModels } from '../src/codemods/invoke-to-messages/surface';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import { PROFILE_PREFIXES } from '../src/models';
import { checkEquivalence, discoverRunnableCases, formatReport, type RunnableCase } from './support/equivalence';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';

const ROOT = path.join(__dirname, '..');
const OPTIONS: GatewayHelperOptions = {
  models: servedModels(),
  profilePrefixes: PROFILE_PREFIXES,
  ignoredBetas: [...IGNORED_BETAS],
  maxNonStreamingTokens: MAX_NONSTREAMING_TOKENS,
  mantleClass: 'AnthropicBedrockMantle',
};

/** Every helper an entry helper needs, in the order ensureBoundaryHelper writes them. */
function helperNames(entry: string): string[] {
  const names: string[] = [];
  const visit = (n: string) => {
    if (names.includes(n)) return;
    names.push(n);
    gatewayHelperDependencies(n).forEach(visit);
  };
  visit(entry);
  return names;
}

interface Helpers {
  claudeMessagesModel(id: unknown): { id: string } | undefined;
  claudeMessagesRequest(input: Record<string, unknown>, stream: boolean): Record<string, unknown> | undefined;
  claudeMessagesOutput(message: object): { body: Uint8Array & { transformToString(): string }; contentType: string };
  claudeMessagesChunks(events: AsyncIterable<object>): AsyncIterable<{ chunk: { bytes: Uint8Array } }>;
}

/** The JS helpers, evaluated as a module would define them. */
function loadHelpers(): Helpers {
  const source = [...new Set([...helperNames(GATEWAY_HELPERS.send), ...helperNames(GATEWAY_HELPERS.sendStream)])]
    .map((n) => gatewayHelperSource(n, OPTIONS))
    .join('\n\n');
  return new Function(`${source}\nreturn { claudeMessagesModel, claudeMessagesRequest, claudeMessagesOutput, claudeMessagesChunks };`)() as Helpers;
}

const body = (fields: Record<string, unknown>) => JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }], ...fields });

describe('the gateway helpers at run time', () => {
  const h = loadHelpers();

  it('map every bedrock-runtime form of a served model to its mantle ID, and nothing else', () => {
    expect(h.claudeMessagesModel('anthropic.claude-opus-4-7')?.id).toBe('anthropic.claude-opus-4-7');
    expect(h.claudeMessagesModel('global.anthropic.claude-opus-4-7')?.id).toBe('anthropic.claude-opus-4-7');
    expect(h.claudeMessagesModel('us.anthropic.claude-haiku-4-5-20251001-v1:0')?.id).toBe('anthropic.claude-haiku-4-5');
    expect(h.claudeMessagesModel('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-8')?.id).toBe('anthropic.claude-opus-4-8');
    expect(h.claudeMessagesModel('arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-opus-4-7')?.id).toBe('anthropic.claude-opus-4-7');
    for (const other of [
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'us.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123',
      'meta.llama3-8b-instruct-v1:0',
      'amazon.titan-text-express-v1',
      'constructor',
      undefined,
    ]) {
      expect(h.claudeMessagesModel(other), String(other)).toBeUndefined();
    }
  });

  it('turn a Claude Messages body into the create() request: model added, anthropic_version and sampling left out', () => {
    const request = h.claudeMessagesRequest({ modelId: 'global.anthropic.claude-opus-4-7', contentType: 'application/json', accept: 'application/json', body: body({ temperature: 0.1, top_p: 0.9, system: 'Be brief.' }) }, false);
    expect(request).toEqual({ model: 'anthropic.claude-opus-4-7', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }], system: 'Be brief.' });
    // Bytes as well as strings; beta flags the 4.x models ignore are left out.
    const bytes = new TextEncoder().encode(body({ anthropic_beta: ['token-efficient-tools-2025-02-19'] }));
    expect(h.claudeMessagesRequest({ modelId: 'anthropic.claude-opus-4-8', body: bytes }, false)).toEqual({ model: 'anthropic.claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('keep on InvokeModel what the Messages API on Bedrock would not take or would reject', () => {
    const opus = 'anthropic.claude-opus-4-7';
    const stays = (input: Record<string, unknown>, stream = false) => h.claudeMessagesRequest(input, stream);
    expect(stays({ modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0', body: body({}) })).toBeUndefined();
    expect(stays({ modelId: 'meta.llama3-8b-instruct-v1:0', body: JSON.stringify({ prompt: 'Hi', max_gen_len: 10 }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 10 }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ anthropic_beta: ['computer-use-2025-11-24'] }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({}), guardrailIdentifier: 'gr-1', guardrailVersion: 'DRAFT' })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ thinking: { type: 'enabled', budget_tokens: 2000 } }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Sure:' }] }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ messages: [{ role: 'assistant', content: [{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }] }] }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x', citations: [] }] }] }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ max_tokens: 30_000 }) })).toBeUndefined();
    expect(stays({ modelId: opus, body: '{ not json' })).toBeUndefined();
    expect(stays({ modelId: opus, body: body({ stream: true }) })).toBeUndefined();
    // …while the same fields that are allowed go through.
    expect(stays({ modelId: opus, body: body({ max_tokens: 30_000 }) }, true)).toMatchObject({ max_tokens: 30_000 });
    expect(stays({ modelId: opus, body: body({ thinking: { type: 'adaptive' } }) })).toMatchObject({ thinking: { type: 'adaptive' } });
    expect(stays({ modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0', body: body({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: '{' }] }) })).toMatchObject({ model: 'anthropic.claude-haiku-4-5' });
    expect(stays({ modelId: opus, body: body({}), guardrailIdentifier: undefined })).toMatchObject({ model: opus });
  });

  it('answer in the InvokeModel shapes: body bytes with transformToString, stream chunks of event JSON', async () => {
    const message = { id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Hé' }], stop_reason: 'end_turn' };
    const output = h.claudeMessagesOutput(message);
    expect(output.body).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(output.body.transformToString())).toEqual(message);
    expect(JSON.parse(new TextDecoder().decode(output.body))).toEqual(message);
    expect(JSON.parse(Buffer.from(output.body).toString('utf8'))).toEqual(message);
    async function* events() {
      yield { type: 'message_start', message: { ...message, content: [] } };
      yield { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hé' } };
    }
    const decoded: unknown[] = [];
    for await (const part of h.claudeMessagesChunks(events())) decoded.push(JSON.parse(new TextDecoder().decode(part.chunk.bytes)));
    expect(decoded).toEqual([{ type: 'message_start', message: { ...message, content: [] } }, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hé' } }]);
  });

  it('hold no single quote, so a file with single quotes gets them all swapped', () => {
    const types = Object.fromEntries(['BedrockRuntimeClient', 'BedrockRuntime', 'InvokeModelCommand', 'InvokeModelCommandInput', 'InvokeModelCommandOutput', 'InvokeModelWithResponseStreamCommand', 'InvokeModelWithResponseStreamCommandOutput'].map((t) => [t, t]));
    for (const entry of Object.values(GATEWAY_HELPERS)) {
      for (const n of helperNames(entry)) {
        expect(gatewayHelperSource(n, OPTIONS)).not.toContain("'");
        expect(gatewayHelperSource(n, { ...OPTIONS, types: types as never })).not.toContain("'");
      }
    }
  });
});

describe('gateway sends in the codemod', () => {
  const run = (file: string, source: string, options: Record<string, unknown> = {}) =>
    transformSource({ path: file, source, codemods: selectCodemods(['invoke-to-messages']), options: options as never });
  const file = path.join(ROOT, '__testfixtures__', 'invoke-to-messages', 'gateway-class-send.input.ts');
  const source = fs.readFileSync(file, 'utf8');

  it('notes the gateway at the site line, with the models and what the Mantle client does not carry', () => {
    const result = run(file, source);
    const note = result.notes.find((n) => n.message.startsWith('gateway:'));
    expect(note?.line).toBe(result.output!.split('\n').findIndex((l) => l.includes('new InvokeModelCommand(')) + 1);
    expect(note?.message).toMatch(/sendViaClaudeMessages.*anthropic\.claude-opus-4-7.*endpoint/);
    expect(result.notes.some((n) => n.message.includes('@anthropic-ai/bedrock-sdk@^1.1.3'))).toBe(true);
  });

  it('--boundaries mark keeps the call with its marker instead', () => {
    const result = run(file, source, { boundaries: 'mark' });
    expect(result.output).not.toContain('ViaClaudeMessages');
    expect(result.markers.map((m) => m.message)).toEqual(['kept on InvokeModel: the model ID is not known here (the Messages API on Bedrock takes mantle IDs only)']);
  });

  it('a file whose Claude bodies are all Text Completions keeps its send, with a marker that says so', () => {
    const tc = source.replace("system: 'Answer in one short sentence.',\n        messages: turns.map((t) => ({ role: t.role, content: t.text })),", "prompt: `\\n\\nHuman: ${turns[0]!.text}\\n\\nAssistant:`,");
    expect(tc).not.toBe(source);
    const result = run(file, tc);
    expect(result.output).not.toContain('ViaClaudeMessages');
    expect(result.markers.map((m) => m.message)).toEqual(['kept on InvokeModel: its Claude bodies are Text Completions (prompt), which the Messages API does not serve']);
  });
});

describe('gateway fixtures against the stub, for every model they serve', () => {
  let stub: StubBedrock;
  const cases = discoverRunnableCases(path.join(ROOT, '__testfixtures__')).filter((c) => c.codemod === 'invoke-to-messages' && c.name.startsWith('gateway-'));
  beforeAll(async () => {
    stub = await startStubBedrock();
  });
  afterAll(async () => {
    await stub?.close();
  });

  it('has the gateway fixtures (JS and TS, invoke and stream)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(cases.some((c) => c.inputPath.endsWith('.ts'))).toBe(true);
    expect(cases.some((c) => /\.[cm]?js$/.test(c.inputPath))).toBe(true);
  });

  /** The same case with another model ID as its first argument, its other expectations dropped. */
  const withModel = (c: RunnableCase, modelId: string): RunnableCase => ({
    ...c,
    spec: { scenario: 'text', call: c.spec.call, args: [modelId, ...(c.spec.args ?? []).slice(1)] },
  });

  it.each(cases.map((c) => [c.name, c]))('%s: a served Claude model goes to the Messages API, with the same results', async (_name, c) => {
    const report = await checkEquivalence(stub, c as RunnableCase);
    expect(report.ok, formatReport(report)).toBe(true);
    for (const run of report.runs) {
      expect(run.input.requests.every((r) => r.operation.startsWith('InvokeModel'))).toBe(true);
      expect(run.output.requests.map((r) => r.operation).every((op) => op === 'Messages' || op === 'MessagesStream')).toBe(true);
    }
  }, 60_000);

  const others = ['meta.llama3-8b-instruct-v1:0', 'amazon.titan-text-express-v1', 'anthropic.claude-sonnet-4-6'];
  it.each(cases.flatMap((c) => others.filter((m) => !(c.name === 'gateway-command-in-two-blocks' && m.startsWith('amazon.'))).map((m) => [c.name, m, c])))(
    '%s with %s: the call goes to InvokeModel exactly as before',
    async (_name, modelId, c) => {
      const report = await checkEquivalence(stub, withModel(c as RunnableCase, modelId as string));
      expect(report.ok, formatReport(report)).toBe(true);
      expect(report.output.requests.map((r) => [r.operation, r.modelId, r.rawBody])).toEqual(report.input.requests.map((r) => [r.operation, r.modelId, r.rawBody]));
      expect(report.output.requests.every((r) => r.operation.startsWith('InvokeModel'))).toBe(true);
    },
    60_000,
  );
});
