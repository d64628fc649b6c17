/**
 * The stub rejects, with HTTP 400 ValidationException, every request the fact sheet (§8) says the target
 * model rejects, in both request shapes; and it answers a thinking request with a reasoning block first.
 */
import { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { targetRuleViolation, withReasoning } from './support/target-rules';
import { resolveScenario } from './support/scenarios';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_45 = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_45 = 'anthropic.claude-opus-4-5-20251101-v1:0';
const OPUS_46 = 'global.anthropic.claude-opus-4-6-v1';
const SONNET_46 = 'global.anthropic.claude-sonnet-4-6';
const OPUS_47 = 'global.anthropic.claude-opus-4-7';
const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';

const user = { role: 'user', content: 'Hi' };
const prefill = { role: 'assistant', content: '{' };
const invoke = (fields: Record<string, unknown>) => ({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 4096, messages: [user], ...fields });
const converse = (fields: Record<string, unknown>) => ({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }], ...fields });
const enabled = (budget = 2048) => ({ type: 'enabled', budget_tokens: budget });

describe('target rules (InvokeModel bodies)', () => {
  const rejects = (model: string, body: unknown) => expect(targetRuleViolation('InvokeModel', model, body)).toMatch(/.+/);
  const accepts = (model: string, body: unknown) => expect(targetRuleViolation('InvokeModel', model, body)).toBeUndefined();

  it('temperature with top_p: rejected on the 4.5 models, accepted before', () => {
    rejects(SONNET_45, invoke({ temperature: 0.5, top_p: 0.9 }));
    rejects(HAIKU_45, invoke({ temperature: 0.5, top_p: 0.9 }));
    accepts(SONNET_45, invoke({ temperature: 0.5 }));
    accepts(HAIKU_3, invoke({ temperature: 0.5, top_p: 0.9, top_k: 40 }));
  });
  it('any non-default sampling parameter on Opus 4.7', () => {
    rejects(OPUS_47, invoke({ temperature: 0.2 }));
    rejects(OPUS_47, invoke({ top_p: 0.9 }));
    rejects(OPUS_47, invoke({ top_k: 5 }));
    accepts(OPUS_47, invoke({ temperature: 1 }));
  });
  it('thinking "enabled" on Opus 4.7; "adaptive" where the model has none', () => {
    rejects(OPUS_47, invoke({ thinking: enabled() }));
    accepts(OPUS_47, invoke({ thinking: { type: 'adaptive' } }));
    rejects(OPUS_45, invoke({ thinking: { type: 'adaptive' } }));
    rejects(HAIKU_3, invoke({ thinking: enabled() }));
    accepts(SONNET_37, invoke({ thinking: enabled() }));
  });
  it('budget_tokens below 1,024 or not below max_tokens (unless interleaved)', () => {
    rejects(SONNET_45, invoke({ thinking: enabled(1000) }));
    rejects(SONNET_45, invoke({ thinking: enabled(4096) }));
    accepts(SONNET_45, invoke({ thinking: enabled(4095) }));
    accepts(SONNET_45, invoke({ thinking: enabled(8000), anthropic_beta: ['interleaved-thinking-2025-05-14'] }));
  });
  it('temperature other than 1, top_k, low top_p and a forced tool_choice with thinking', () => {
    rejects(OPUS_45, invoke({ thinking: enabled(), temperature: 0.3 }));
    accepts(OPUS_45, invoke({ thinking: enabled(), temperature: 1 }));
    rejects(OPUS_45, invoke({ thinking: enabled(), top_k: 10 }));
    rejects(OPUS_45, invoke({ thinking: enabled(), top_p: 0.5 }));
    rejects(OPUS_45, invoke({ thinking: enabled(), tool_choice: { type: 'any' } }));
    rejects(OPUS_45, invoke({ thinking: enabled(), tool_choice: { type: 'tool', name: 'x' } }));
    accepts(OPUS_45, invoke({ thinking: enabled(), tool_choice: { type: 'auto' } }));
  });
  it('an assistant prefill on 4.6 and later, and with thinking on any model', () => {
    rejects(OPUS_46, invoke({ messages: [user, prefill] }));
    rejects(SONNET_46, invoke({ messages: [user, prefill] }));
    rejects(OPUS_47, invoke({ messages: [user, prefill] }));
    accepts(OPUS_45, invoke({ messages: [user, prefill] }));
    accepts(HAIKU_45, invoke({ messages: [user, prefill] }));
    rejects(HAIKU_45, invoke({ messages: [user, prefill], thinking: enabled() }));
  });
  it('a tool loop with thinking sends the reasoning block back first', () => {
    const toolTurn = (content: unknown[]) => invoke({
      thinking: enabled(),
      messages: [user, { role: 'assistant', content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] }],
    });
    rejects(OPUS_45, toolTurn([{ type: 'tool_use', id: 't', name: 'x', input: {} }]));
    accepts(OPUS_45, toolTurn([{ type: 'thinking', thinking: 'hm', signature: 's' }, { type: 'tool_use', id: 't', name: 'x', input: {} }]));
  });
  it('unknown models and Text Completions bodies are not checked', () => {
    accepts('amazon.titan-text-express-v1', invoke({ temperature: 0.5, top_p: 0.9 }));
    accepts(SONNET_45, { prompt: '\n\nHuman: hi\n\nAssistant:', max_tokens_to_sample: 10, temperature: 0.5, top_p: 0.9 });
  });
});

describe('target rules (Converse)', () => {
  const rejects = (model: string, body: unknown) => expect(targetRuleViolation('Converse', model, body)).toMatch(/.+/);
  const accepts = (model: string, body: unknown) => expect(targetRuleViolation('Converse', model, body)).toBeUndefined();

  it('reads inferenceConfig, additionalModelRequestFields and toolConfig', () => {
    rejects(SONNET_45, converse({ inferenceConfig: { temperature: 0.5, topP: 0.9 } }));
    rejects(OPUS_47, converse({ inferenceConfig: { topP: 0.9 } }));
    rejects(OPUS_47, converse({ additionalModelRequestFields: { top_k: 5 } }));
    rejects(OPUS_47, converse({ additionalModelRequestFields: { thinking: enabled() }, inferenceConfig: { maxTokens: 4096 } }));
    rejects(OPUS_45, converse({ additionalModelRequestFields: { thinking: enabled() }, inferenceConfig: { maxTokens: 2048 } }));
    rejects(OPUS_45, converse({ additionalModelRequestFields: { thinking: enabled() }, inferenceConfig: { maxTokens: 4096, temperature: 0.2 } }));
    rejects(OPUS_45, converse({ additionalModelRequestFields: { thinking: enabled() }, inferenceConfig: { maxTokens: 4096 }, toolConfig: { tools: [], toolChoice: { any: {} } } }));
    accepts(OPUS_45, converse({ additionalModelRequestFields: { thinking: enabled() }, inferenceConfig: { maxTokens: 4096 } }));
    rejects(OPUS_46, converse({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }, { role: 'assistant', content: [{ text: '{' }] }] }));
  });
});

describe('the stub answers with these rules', () => {
  let stub: StubBedrock;
  beforeAll(async () => {
    stub = await startStubBedrock('text');
  });
  afterAll(async () => stub?.close());
  const client = () => new BedrockRuntimeClient({ region: 'us-east-1', endpoint: stub.url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

  it('400 ValidationException for a prefill on Opus 4.6 (InvokeModel)', async () => {
    const body = JSON.stringify(invoke({ messages: [user, prefill] }));
    await expect(client().send(new InvokeModelCommand({ modelId: OPUS_46, body }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
  });
  it('a reasoning block before the text when thinking is on (Converse), none when it is off', async () => {
    const on = await client().send(
      new ConverseCommand({ modelId: OPUS_45, messages: [{ role: 'user', content: [{ text: 'Hi' }] }], inferenceConfig: { maxTokens: 4096 }, additionalModelRequestFields: { thinking: enabled() } }),
    );
    expect(Object.keys(on.output!.message!.content![0]!)).toEqual(['reasoningContent']);
    expect(on.output!.message!.content![1]!.text).toBe('Hello! The capital of France is Paris.');
    const off = await client().send(new ConverseCommand({ modelId: OPUS_45, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
    expect(off.output!.message!.content![0]!.text).toBe('Hello! The capital of France is Paris.');
  });
  it('withReasoning keeps a turn that already reasons', () => {
    const turn = resolveScenario('thinking').turns[0]!;
    expect(withReasoning(turn, 'InvokeModel', invoke({ thinking: enabled() }))).toBe(turn);
  });
});
