import { describe, expect, it } from 'vitest';
import {
  MODEL_CATALOG,
  PLACEHOLDER,
  applyPlan,
  chooseTarget,
  defaultTargetFor,
  isDefaultTargetEligible,
  isLegacyModel,
  parseModelId,
  parseModelIdPattern,
  planReplacement,
  type ModelInfo,
  type ReplacementPlan,
  type TargetOptions,
} from '../src/models';

const byId = (id: string): ModelInfo => MODEL_CATALOG.find((m) => m.id === id)!;
const SONNET_46 = 'anthropic.claude-sonnet-4-6';
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const OPUS_46 = 'anthropic.claude-opus-4-6-v1';
const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0';

function rewrite(text: string, options: Partial<TargetOptions> = {}): string | ReplacementPlan {
  const parsed = parseModelId(text);
  if (!parsed) throw new Error(`does not parse: ${text}`);
  const plan = planReplacement(parsed, { profile: 'global', ...options });
  return plan.action === 'rewrite' ? applyPlan(parsed, plan) : plan;
}

describe('the catalog', () => {
  it('has every model of the fact sheet table, once', () => {
    const ids = MODEL_CATALOG.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'anthropic.claude-instant-v1',
      'anthropic.claude-v2',
      'anthropic.claude-v2:1',
      'anthropic.claude-3-sonnet-20240229-v1:0',
      'anthropic.claude-3-opus-20240229-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'anthropic.claude-3-5-sonnet-20241022-v2:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      SONNET_4,
      'anthropic.claude-opus-4-20250514-v1:0',
      'anthropic.claude-opus-4-1-20250805-v1:0',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      HAIKU_45,
      'anthropic.claude-opus-4-5-20251101-v1:0',
      OPUS_46,
      SONNET_46,
      'anthropic.claude-opus-4-7',
      'anthropic.claude-opus-4-8',
      'anthropic.claude-opus-5',
      'anthropic.claude-sonnet-5',
      'anthropic.claude-fable-5',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('never lists a name or alias for two models', () => {
    const names = MODEL_CATALOG.flatMap((m) => [m.id, ...m.otherIds, ...m.misspellings, ...m.firstPartyNames]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps uncertain profiles a subset of the profiles and gives every status a source', () => {
    for (const m of MODEL_CATALOG) {
      for (const p of m.uncertainProfiles) expect(m.profiles).toContain(p);
      expect(m.statusSource.length).toBeGreaterThan(0);
      expect(m.limitsSource.length).toBeGreaterThan(0);
      for (const event of m.lifecycle) expect(event.source.length).toBeGreaterThan(0);
    }
  });

  it('records the request constraints of the fact sheet §8', () => {
    expect(byId('anthropic.claude-sonnet-4-5-20250929-v1:0').constraints.sampling).toBe('temperature-xor-top-p');
    expect(byId(HAIKU_45).constraints.sampling).toBe('temperature-xor-top-p');
    expect(byId('anthropic.claude-3-5-sonnet-20240620-v1:0').constraints.sampling).toBe('any');
    expect(byId('anthropic.claude-opus-4-7').constraints.sampling).toBe('none');
    expect(byId('anthropic.claude-opus-4-7').constraints.thinking).not.toContain('enabled');
    expect(byId(OPUS_46).constraints.thinking).toEqual(['enabled', 'adaptive', 'disabled']);
    expect(byId('anthropic.claude-fable-5').constraints.thinking).toEqual(['adaptive']);
    expect(byId(SONNET_46).constraints.needsProfileForOnDemand).toBe(true);
  });
});

describe('parseModelId', () => {
  for (const model of MODEL_CATALOG) {
    describe(model.name, () => {
      it('parses the base ID, every profile and both ARN forms', () => {
        expect(parseModelId(model.id)).toMatchObject({ kind: 'base', baseId: model.id, model, prefix: null, misspelled: false });
        for (const prefix of [...model.profiles, ...model.formerProfiles]) {
          expect(parseModelId(`${prefix}.${model.id}`)).toMatchObject({ kind: 'profile', prefix, model, baseId: model.id });
        }
        expect(parseModelId(`arn:aws:bedrock:eu-west-1::foundation-model/${model.id}`)).toMatchObject({
          kind: 'foundation-model-arn',
          model,
          region: 'eu-west-1',
          account: null,
          partition: 'aws',
        });
        expect(parseModelId(`arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${model.id}`)).toMatchObject({
          kind: 'inference-profile-arn',
          model,
          prefix: 'us',
          region: 'us-east-1',
          account: '123456789012',
        });
      });

      it('parses its first-party names and misspellings', () => {
        for (const name of model.firstPartyNames) {
          expect(parseModelId(name)).toMatchObject({ kind: 'first-party', model, baseStart: 0, baseEnd: name.length });
        }
        for (const wrong of model.misspellings) expect(parseModelId(wrong)).toMatchObject({ model, misspelled: true });
      });
    });
  }

  it('parses application inference profiles without a model', () => {
    expect(parseModelId('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz')).toMatchObject({
      kind: 'application-inference-profile-arn',
      model: null,
      resource: 'abc123xyz',
      account: '123456789012',
    });
  });

  it('parses well-formed unknown Claude IDs with model null', () => {
    expect(parseModelId('anthropic.claude-opus-9')).toMatchObject({ kind: 'base', model: null });
  });

  it('returns null for lookalikes and other vendors', () => {
    for (const text of [
      'anthropic.claude-3',
      'anthropic.claude-',
      'anthropic.claude-3-haiku-20240307-v1:0-custom',
      'ca.anthropic.claude-3-haiku-20240307-v1:0',
      'ANTHROPIC.CLAUDE-V2',
      ' anthropic.claude-v2',
      'amazon.titan-text-express-v1',
      'meta.llama3-70b-instruct-v1:0',
      'us.amazon.nova-pro-v1:0',
      'claude-card',
      'claude-3-5-sonnet',
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1',
      'arn:aws:bedrock:us-east-1::foundation-model/us.anthropic.claude-v2',
      `${PLACEHOLDER}.anthropic.claude-v2`,
    ]) {
      expect(parseModelId(text), text).toBeNull();
    }
  });

  it('accepts interpolations only where an ID is free (pattern mode)', () => {
    expect(parseModelIdPattern(`${PLACEHOLDER}.anthropic.claude-v2`)).toMatchObject({ kind: 'profile', prefixInterpolated: true, prefixMayBeEmpty: false });
    expect(parseModelIdPattern(`${PLACEHOLDER}anthropic.claude-v2`)).toMatchObject({ kind: 'profile', prefixMayBeEmpty: true });
    expect(parseModelIdPattern(`arn:aws:bedrock:${PLACEHOLDER}::foundation-model/anthropic.claude-v2`)).toMatchObject({
      kind: 'foundation-model-arn',
      region: null,
    });
    expect(parseModelIdPattern(`anthropic.claude-${PLACEHOLDER}`)).toBeNull();
    expect(parseModelIdPattern(`${PLACEHOLDER}`)).toBeNull();
  });
});

describe('chooseTarget and isLegacyModel', () => {
  for (const model of MODEL_CATALOG) {
    it(`${model.name} (${model.status})`, () => {
      const choice = chooseTarget(model);
      expect(isLegacyModel(model)).toBe(model.status !== 'active');
      expect(isLegacyModel(model.id)).toBe(model.status !== 'active');
      if (model.status === 'active') {
        expect(choice).toMatchObject({ ok: false, current: true });
        return;
      }
      expect(choice.ok).toBe(true);
      if (!choice.ok) return;
      expect(choice.model!.status).toBe('active');
      expect(isDefaultTargetEligible(choice.model!)).toBe(true);
      expect(choice.model!.snapshot > model.snapshot).toBe(true);
      expect(choice.by).toBe('default');
    });
  }

  it('gives the documented defaults per family', () => {
    expect(defaultTargetFor('sonnet')?.id).toBe(SONNET_46);
    expect(defaultTargetFor('haiku')?.id).toBe(HAIKU_45);
    expect(defaultTargetFor('opus')?.id).toBe(OPUS_46);
    // Anthropic's replacements: Instant → Haiku 4.5, Claude 2 → Opus (4.8, whose Converse support is undocumented).
    expect(defaultTargetFor('instant')?.id).toBe(HAIKU_45);
    expect(defaultTargetFor('v2')?.id).toBe(OPUS_46);
    expect(chooseTarget('anthropic.claude-3-5-sonnet-20241022-v2:0')).toMatchObject({ ok: true, id: SONNET_46 });
    expect(chooseTarget('anthropic.claude-v2:1')).toMatchObject({ ok: true, id: OPUS_46 });
    expect(chooseTarget('anthropic.claude-instant-v1')).toMatchObject({ ok: true, id: HAIKU_45 });
  });

  it('seedTargets sends older Sonnets to Sonnet 4 and never downgrades', () => {
    const seed = { seedTargets: true };
    expect(chooseTarget('anthropic.claude-3-7-sonnet-20250219-v1:0', seed)).toMatchObject({ ok: true, id: SONNET_4, by: 'seed' });
    expect(chooseTarget('anthropic.claude-3-sonnet-20240229-v1:0', seed)).toMatchObject({ ok: true, id: SONNET_4 });
    expect(chooseTarget(SONNET_4, seed)).toMatchObject({ ok: false, current: true });
    expect(chooseTarget('anthropic.claude-sonnet-4-5-20250929-v1:0', seed)).toMatchObject({ ok: true, id: SONNET_46 });
    expect(chooseTarget('anthropic.claude-3-haiku-20240307-v1:0', seed)).toMatchObject({ ok: true, id: HAIKU_45, by: 'default' });
  });

  it('applies per-family and per-ID targets', () => {
    const targets = { opus: 'anthropic.claude-opus-4-7', 'anthropic.claude-3-haiku-20240307-v1:0': SONNET_46 };
    expect(chooseTarget('anthropic.claude-3-opus-20240229-v1:0', { targets })).toMatchObject({ ok: true, id: 'anthropic.claude-opus-4-7', by: 'option' });
    expect(chooseTarget('anthropic.claude-v2', { targets })).toMatchObject({ ok: true, id: 'anthropic.claude-opus-4-7' });
    expect(chooseTarget('anthropic.claude-3-haiku-20240307-v1:0', { targets })).toMatchObject({ ok: true, id: SONNET_46 });
    // A per-ID target applies to an active model too; a family target does not.
    expect(chooseTarget('anthropic.claude-opus-4-5-20251101-v1:0', { targets: { 'claude-opus-4-5': OPUS_46 } })).toMatchObject({ ok: true, id: OPUS_46 });
    expect(chooseTarget(OPUS_46, { targets })).toMatchObject({ ok: false, current: true });
  });

  it('takes a profile with the target and refuses bad or older targets', () => {
    expect(chooseTarget('anthropic.claude-3-haiku-20240307-v1:0', { targets: { haiku: `eu.${HAIKU_45}` } })).toMatchObject({
      ok: true,
      id: HAIKU_45,
      prefix: 'eu',
    });
    expect(chooseTarget('anthropic.claude-3-haiku-20240307-v1:0', { targets: { haiku: 'gpt-4o' } })).toMatchObject({ ok: false, current: false });
    expect(chooseTarget('anthropic.claude-sonnet-4-5-20250929-v1:0', { targets: { sonnet: SONNET_4 } })).toMatchObject({ ok: false });
    expect(chooseTarget('anthropic.claude-3-opus-20240229-v1:0', { targets: { opus: 'anthropic.claude-opus-4-6-v1:0' } })).toMatchObject({ ok: false });
    const unknown = chooseTarget('anthropic.claude-3-opus-20240229-v1:0', { targets: { opus: 'anthropic.claude-opus-9' } });
    expect(unknown).toMatchObject({ ok: true, id: 'anthropic.claude-opus-9', model: null });
  });
});

describe('planReplacement', () => {
  it('adds the profile to base IDs whose target needs one, with a note', () => {
    const parsed = parseModelId('anthropic.claude-3-5-sonnet-20240620-v1:0')!;
    const plan = planReplacement(parsed, { profile: 'global' });
    expect(plan).toMatchObject({ action: 'rewrite', base: SONNET_46, addPrefix: 'global' });
    expect((plan as { notes: string[] }).notes.join(' ')).toContain('routing changed');
    expect(rewrite('anthropic.claude-3-5-sonnet-20240620-v1:0', { profile: 'eu' })).toBe(`eu.${SONNET_46}`);
    expect(rewrite('anthropic.claude-3-5-sonnet-20240620-v1:0', { profile: 'none' })).toBe(SONNET_46);
    expect(rewrite('anthropic.claude-3-5-sonnet-20240620-v1:0', { profile: 'apac' })).toMatchObject({ action: 'mark' });
  });

  it('keeps a profile prefix the target has and marks one it lacks', () => {
    expect(rewrite('us.anthropic.claude-3-5-haiku-20241022-v1:0')).toBe(`us.${HAIKU_45}`);
    expect(rewrite('eu.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(`eu.${SONNET_46}`);
    expect(rewrite('apac.anthropic.claude-3-5-sonnet-20240620-v1:0')).toMatchObject({ action: 'mark' });
    // jp is only reported by third parties for Haiku 4.5: not a documented profile.
    expect(rewrite('jp.anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({ action: 'mark' });
    expect(rewrite('us-gov.anthropic.claude-3-haiku-20240307-v1:0')).toMatchObject({ action: 'mark' });
  });

  it('keeps ARN region and account', () => {
    expect(rewrite('arn:aws:bedrock:eu-west-3:111122223333:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0')).toBe(
      `arn:aws:bedrock:eu-west-3:111122223333:inference-profile/eu.${SONNET_46}`,
    );
    expect(rewrite('arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2', { profile: 'none' })).toBe(
      `arn:aws:bedrock:us-west-2::foundation-model/${OPUS_46}`,
    );
    expect(rewrite('arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2')).toMatchObject({ action: 'mark' });
    expect(rewrite('arn:aws:bedrock:us-west-2:111122223333:application-inference-profile/x1y2')).toMatchObject({ action: 'mark' });
  });

  it('keeps current IDs and unknown Claude IDs', () => {
    for (const text of [SONNET_46, `global.${SONNET_46}`, HAIKU_45, OPUS_46, 'anthropic.claude-opus-4-7', 'anthropic.claude-haiku-4-5', 'anthropic.claude-opus-9']) {
      expect(planReplacement(parseModelId(text)!, {}).action, text).toBe('keep');
    }
  });

  it('corrects misspellings and first-party names to Bedrock IDs', () => {
    expect(rewrite('anthropic.claude-4-sonnet-20240514-v1:0')).toBe(`global.${SONNET_46}`);
    expect(rewrite('anthropic.claude-4-sonnet-20240514-v1:0', { seedTargets: true })).toBe(`global.${SONNET_4}`);
    expect(rewrite('us.anthropic.claude-opus-4-6-v1:0')).toBe(`us.${OPUS_46}`);
    expect(rewrite('claude-3-5-sonnet-20241022')).toBe(`global.${SONNET_46}`);
    expect(rewrite('claude-sonnet-4-6')).toBe(`global.${SONNET_46}`);
    expect(rewrite('claude-opus-4-7', { profile: 'us' })).toBe('us.anthropic.claude-opus-4-7');
  });

  it('rewrites an interpolated prefix only when the target has every prefix the source had', () => {
    const haiku = parseModelIdPattern(`${PLACEHOLDER}.anthropic.claude-3-5-haiku-20241022-v1:0`)!;
    const plan = planReplacement(haiku, {});
    expect(plan.action === 'rewrite' && applyPlan(haiku, plan)).toBe(`${PLACEHOLDER}.${HAIKU_45}`);
    const sonnet = parseModelIdPattern(`${PLACEHOLDER}.anthropic.claude-3-5-sonnet-20240620-v1:0`)!;
    expect(planReplacement(sonnet, {}).action).toBe('mark');
    const maybeEmpty = parseModelIdPattern(`${PLACEHOLDER}anthropic.claude-3-5-haiku-20241022-v1:0`)!;
    expect(planReplacement(maybeEmpty, {}).action).toBe('mark');
  });
});
