/**
 * Equivalence: every runnable fixture (`__testfixtures__/<codemod>/<case>.run.json`) and every hand-written
 * selftest pair is run twice against the stub Bedrock server, once as the input and once as the output; the
 * requests must mean the same and the results must be equal (see support/equivalence.ts).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { checkEquivalence, discoverRunnableCases, formatReport } from './support/equivalence';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, '__testfixtures__');
const SELFTEST = path.join(__dirname, 'support', 'selftest');

let stub: StubBedrock;
beforeAll(async () => {
  stub = await startStubBedrock();
});
afterAll(async () => {
  await stub?.close();
});

let discoveryError: unknown;
let fixtureCases: ReturnType<typeof discoverRunnableCases> = [];
try {
  fixtureCases = discoverRunnableCases(FIXTURES);
} catch (err) {
  discoveryError = err;
}
const equivalentPairs = discoverRunnableCases(SELFTEST).filter((c) => c.codemod === 'equivalent');
const brokenPairs = discoverRunnableCases(SELFTEST).filter((c) => c.codemod === 'not-equivalent');

describe('equivalence of runnable fixtures', () => {
  it('every .run.json is well-formed and sits next to its input', () => {
    if (discoveryError) throw discoveryError;
  });
  // A case without an .output file must come back unchanged: its input runs on both sides.
  const label = (c: (typeof fixtureCases)[number]): string =>
    `${c.codemod}/${c.name}${c.outputPath === c.inputPath ? ' (no .output: input on both sides)' : ''}`;
  it.each(fixtureCases.map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    const report = await checkEquivalence(stub, c);
    if (!report.ok) expect.fail(formatReport(report));
  });
});

describe('harness selftest: hand-written equivalent pairs pass', () => {
  it('has pairs to run', () => {
    expect(equivalentPairs.length).toBeGreaterThanOrEqual(4);
  });
  it.each(equivalentPairs.map((c) => [c.name, c] as const))('%s', async (_label, c) => {
    const report = await checkEquivalence(stub, c);
    if (!report.ok) expect.fail(formatReport(report));
    // Both sides really talked to the stub, through different APIs where the pair migrates.
    expect(report.input.requests.length).toBeGreaterThan(0);
  });
});

/**
 * Each deliberately broken pair names the problem the harness must report in its `.run.json` `description`
 * ("expect: <text>"); the report must contain that text.
 */
describe('harness selftest: non-equivalent pairs are rejected', () => {
  it('has pairs to run', () => {
    expect(brokenPairs.length).toBeGreaterThanOrEqual(2);
  });
  it.each(brokenPairs.map((c) => [c.name, c] as const))('%s', async (_label, c) => {
    const report = await checkEquivalence(stub, c);
    expect(report.ok, `expected ${c.name} to be rejected`).toBe(false);
    const expected = /expect: (.+)$/.exec(String((c.spec as { description?: unknown }).description ?? ''))?.[1];
    expect(expected, `${c.runPath} needs a description "expect: <text in the report>"`).toBeTruthy();
    expect(formatReport(report)).toContain(expected);
  });
});
