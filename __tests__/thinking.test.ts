/**
 * The thinking codemod's option, its choice of form per target, and what it reports. The fixture cases in
 * __testfixtures__/thinking/ prove the rewrites (and, against the stub, that the migrated code returns the
 * same text and tool calls).
 */
import { describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { parseThinkingSetting } from '../src/codemods/thinking/setting';
import { resolveOptions } from '../src/engine/options';
import { transformSource } from '../src/engine/engine';
import { resolveModel } from '../src/models';
import { thinkingFormFor } from '../src/models/rules';

describe('--thinking setting', () => {
  it('reads budgets, adaptive and off; rejects the rest', () => {
    expect(parseThinkingSetting(undefined)).toBe('off');
    expect(parseThinkingSetting('off')).toBe('off');
    expect(parseThinkingSetting('2048')).toBe(2048);
    expect(parseThinkingSetting(4096)).toBe(4096);
    expect(parseThinkingSetting('Adaptive')).toBe('adaptive');
    expect(() => parseThinkingSetting('512')).toThrow(/at least 1024/);
    expect(() => parseThinkingSetting('lots')).toThrow(/<budget>\|adaptive\|off/);
  });
  it('is resolved with the other options, so a bad value stops the run', () => {
    expect(resolveOptions({ thinking: '3000' }).thinking).toBe(3000);
    expect(resolveOptions({}).thinking).toBe('off');
    expect(() => resolveOptions({ thinking: 'maybe' })).toThrow(/--thinking/);
  });
  it('runs after the API codemods (either destination) and right before refusal-stop-reason in the preset', () => {
    const names = selectCodemods().map((c) => c.name);
    for (const api of ['invoke-to-converse', 'converse-stream', 'invoke-to-messages']) {
      expect(names.indexOf(api)).toBeGreaterThanOrEqual(0);
      expect(names.indexOf('thinking')).toBeGreaterThan(names.indexOf(api));
    }
    expect(names.indexOf('refusal-stop-reason')).toBe(names.indexOf('thinking') + 1);
  });
});

describe('the form each target accepts', () => {
  const form = (id: string, setting: number | 'adaptive') => thinkingFormFor(resolveModel(id)!, setting);
  it('enabled + budget where accepted, adaptive where it is the only mode, nothing without thinking', () => {
    expect(form('anthropic.claude-haiku-4-5-20251001-v1:0', 2048)).toEqual({ ok: true, type: 'enabled', budget: 2048 });
    expect(form('anthropic.claude-opus-4-6-v1', 2048)).toEqual({ ok: true, type: 'enabled', budget: 2048 });
    expect(form('anthropic.claude-opus-4-6-v1', 'adaptive')).toEqual({ ok: true, type: 'adaptive', droppedBudget: null });
    expect(form('anthropic.claude-opus-4-7', 2048)).toEqual({ ok: true, type: 'adaptive', droppedBudget: 2048 });
    expect(form('anthropic.claude-haiku-4-5-20251001-v1:0', 'adaptive').ok).toBe(false);
    expect(form('anthropic.claude-3-haiku-20240307-v1:0', 2048).ok).toBe(false);
  });
});

describe('the report', () => {
  const source = `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({});
export async function ask(q: string) {
  const r = await client.send(new ConverseCommand({ modelId: "global.anthropic.claude-sonnet-4-6", messages: [{ role: "user", content: [{ text: q }] }], inferenceConfig: { maxTokens: 4000, topP: 0.5 } }));
  return r.output!.message!.content![0].text!;
}
`;
  const run = (thinking: unknown) =>
    transformSource({ path: 'ask.ts', source, codemods: selectCodemods(['thinking']), options: { thinking } as never });
  it('says the cost and every parameter it removed', () => {
    const result = run('2048');
    const notes = result.notes.map((n) => n.message).join('\n');
    expect(notes).toMatch(/thinking tokens are billed as output tokens, up to 2048 more per call/);
    expect(notes).toMatch(/removed topP/);
    expect(result.output).toContain('additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 2048 } }');
  });
  it('changes nothing when off', () => {
    expect(run(undefined).output).toBeNull();
    expect(run('off').output).toBeNull();
  });
});
