/**
 * The prefill rule (docs/model-ids.md): a request that ends with an assistant turn never goes to a model that
 * rejects it. The newest model of the family that accepts it is chosen; when none is active the ID is kept.
 */
import { describe, expect, it } from 'vitest';
import { chooseTarget, planReplacement, parseModelId, resolveModel } from '../src/models';
import { acceptsPrefill, rulesFor } from '../src/models/rules';
import { targetRuleViolation } from './support/target-rules';

const OPUS_3 = 'anthropic.claude-3-opus-20240229-v1:0';
const SONNET_35 = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('prefill rule as data', () => {
  it('4.6 and later reject a prefill; 4.5 and older accept it', () => {
    expect(acceptsPrefill(resolveModel('anthropic.claude-opus-4-6-v1')!)).toBe(false);
    expect(acceptsPrefill(resolveModel('anthropic.claude-sonnet-4-6')!)).toBe(false);
    expect(acceptsPrefill(resolveModel('anthropic.claude-opus-4-7')!)).toBe(false);
    expect(acceptsPrefill(resolveModel('anthropic.claude-opus-4-5-20251101-v1:0')!)).toBe(true);
    expect(acceptsPrefill(resolveModel('anthropic.claude-haiku-4-5-20251001-v1:0')!)).toBe(true);
  });
  it('interleaved thinking: beta flag on Claude 4 up to 4.5, deprecated on 4.6, none where only adaptive exists', () => {
    expect(rulesFor(resolveModel('anthropic.claude-sonnet-4-20250514-v1:0')!).interleaved).toBe('beta');
    expect(rulesFor(resolveModel('anthropic.claude-haiku-4-5-20251001-v1:0')!).interleaved).toBe('beta');
    expect(rulesFor(resolveModel('anthropic.claude-opus-4-6-v1')!).interleaved).toBe('deprecated');
    expect(rulesFor(resolveModel('anthropic.claude-opus-4-7')!).interleaved).toBe('none');
    expect(rulesFor(resolveModel('anthropic.claude-3-7-sonnet-20250219-v1:0')!).interleaved).toBe('none');
  });
});

describe('target choice with a prefill', () => {
  it('Opus without a prefill goes to Opus 4.6; with one, to Opus 4.5 (the newest Opus that accepts it)', () => {
    const plain = chooseTarget(OPUS_3);
    expect(plain.ok && plain.id).toBe('anthropic.claude-opus-4-6-v1');
    const prefilled = chooseTarget(OPUS_3, { request: { prefill: true } });
    expect(prefilled).toMatchObject({ ok: true, id: 'anthropic.claude-opus-4-5-20251101-v1:0', by: 'request' });
  });
  it('the plan says why in a note', () => {
    const plan = planReplacement(parseModelId(OPUS_3)!, { request: { prefill: true } });
    expect(plan.action).toBe('rewrite');
    expect(plan.action === 'rewrite' && plan.notes.join('\n')).toMatch(/prefill.*Claude Opus 4\.6 rejects.*chose Claude Opus 4\.5/);
  });
  it('Sonnet has no active model that accepts a prefill: no target, and the reason names the rule', () => {
    const choice = chooseTarget(SONNET_35, { request: { prefill: true } });
    expect(choice.ok).toBe(false);
    expect(!choice.ok && choice.reason).toMatch(/Claude Sonnet 4\.6 rejects an assistant prefill/);
  });
  it('a target the user chose that rejects the prefill is refused, one that accepts it is kept', () => {
    const refused = chooseTarget(OPUS_3, { targets: { opus: 'anthropic.claude-opus-4-7' }, request: { prefill: true } });
    expect(refused.ok).toBe(false);
    const kept = chooseTarget(OPUS_3, { targets: { opus: 'anthropic.claude-opus-4-5-20251101-v1:0' }, request: { prefill: true } });
    expect(kept.ok && kept.id).toBe('anthropic.claude-opus-4-5-20251101-v1:0');
  });
  it('Haiku 4.5 accepts a prefill: Claude 3 Haiku keeps its default target', () => {
    const choice = chooseTarget(HAIKU_3, { request: { prefill: true } });
    expect(choice).toMatchObject({ ok: true, id: 'anthropic.claude-haiku-4-5-20251001-v1:0', by: 'default' });
  });
  it('the request the old choice made (prefill on Opus 4.6) is one the stub rejects', () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: '{' }] };
    expect(targetRuleViolation('InvokeModel', 'global.anthropic.claude-opus-4-6-v1', body)).toMatch(/prefill/);
    expect(targetRuleViolation('InvokeModel', 'global.anthropic.claude-opus-4-5-20251101-v1:0', body)).toBeUndefined();
  });
});
