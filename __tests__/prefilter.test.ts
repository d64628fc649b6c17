/**
 * The substring pre-filter (each codemod's `mentions`) only saves work: it must never change a result.
 * For every fixture input, the codemods run once as the manifest says and once with a pre-filter that lets
 * every file through; output, markers and notes must be the same. Files with nothing Claude-on-Bedrock
 * related in them are never parsed.
 */
import { describe, expect, it } from 'vitest';
import { CODEMODS, selectCodemods } from '../src/codemods/registry';
import { candidates, NOTHING_RELATED, transformSource } from '../src/engine/engine';
import type { CodemodManifestEntry } from '../src/engine/types';
import { discoverCases } from './support/fixture-cases';

const cases = discoverCases();
const open = (entries: readonly CodemodManifestEntry[]) => entries.map((e) => ({ ...e, mentions: [''] }));

function run(path: string, source: string, codemods: readonly CodemodManifestEntry[], options: object) {
  try {
    const r = transformSource({ path, source, codemods, options });
    return { output: r.output, changedBy: r.changedBy, markers: r.markers, notes: r.notes };
  } catch (error) {
    return { error: String((error as Error).message) };
  }
}

describe('pre-filter', () => {
  it('has fixtures to check against', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  for (const c of cases) {
    const selections = [c.codemod === 'all' ? selectCodemods() : selectCodemods([c.codemod])];
    // Only the selections where the pre-filter leaves a codemod out can differ from an open run.
    const filtered = selections.filter((s) => candidates(c.input, s).length < s.length);
    if (filtered.length === 0) continue;
    it(`gives the same result as no pre-filter: ${c.codemod}/${c.name}`, () => {
      for (const selection of filtered) {
        expect(run(c.inputPath, c.input, selection, c.options)).toEqual(run(c.inputPath, c.input, open(selection), c.options));
      }
    });
  }

  it('does not parse code that only mentions a stop reason, Anthropic or Claude', () => {
    const player = `export function describeStop(state: { stopReason: 'ended' | 'paused'; stop_reason?: string }) {
  // stopReason comes from the <video> element events, not from any API.
  return state.stopReason === 'ended' ? 'Finished' : 'Paused';
}
`;
    const directory = `// We evaluated Anthropic's hosted API for tagging in 2024 (not used here).
export const owners = [{ name: 'Claude Monet', email: 'claude.monet@example.com' }];
`;
    for (const source of [player, directory]) {
      const result = transformSource({ path: 'src/misc.ts', source, codemods: CODEMODS });
      expect(result.skipped).toBe(NOTHING_RELATED);
    }
  });

  it('still parses a Bedrock file that branches on the stop reason', () => {
    const source = `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({});
export async function ask(text: string) {
  const out = await client.send(new ConverseCommand({ modelId: process.env.MODEL_ID, messages: [{ role: 'user', content: [{ text }] }] }));
  if (out.stopReason === 'max_tokens') throw new Error('too long');
  return out.output?.message?.content?.[0]?.text ?? '';
}
`;
    expect(candidates(source, CODEMODS).map((c) => c.name)).toContain('refusal-stop-reason');
  });
});
