import { describe, expect, it } from 'vitest';
import { parsePairs, resolveOptions } from '../src/engine/options';

describe('options', () => {
  it('fills in defaults', () => {
    expect(resolveOptions({})).toMatchObject({ targets: {}, profile: 'global', seedTargets: false, refusal: 'throw', refusalHandler: 'handleRefusal' });
  });

  it('reads the raw flags jscodeshift passes through', () => {
    const options = resolveOptions({ target: 'sonnet=anthropic.claude-sonnet-4-6,haiku=anthropic.claude-haiku-4-5-20251001-v1:0', 'seed-targets': 'true', 'refusal-handler': 'onRefusal', refusal: 'handler' });
    expect(options.targets).toEqual({ sonnet: 'anthropic.claude-sonnet-4-6', haiku: 'anthropic.claude-haiku-4-5-20251001-v1:0' });
    expect(options.seedTargets).toBe(true);
    expect(options.refusal).toBe('handler');
    expect(options.refusalHandler).toBe('onRefusal');
  });

  it('collects repeated key=value flags and rejects malformed ones', () => {
    expect(parsePairs(['opus=anthropic.claude-opus-4-6-v1', 'anthropic.claude-v2=anthropic.claude-sonnet-4-6'])).toEqual({
      opus: 'anthropic.claude-opus-4-6-v1',
      'anthropic.claude-v2': 'anthropic.claude-sonnet-4-6',
    });
    expect(() => parsePairs(['sonnet'])).toThrow(/key=value/);
    expect(() => resolveOptions({ refusal: 'ignore' })).toThrow(/--refusal must be one of/);
  });
});
