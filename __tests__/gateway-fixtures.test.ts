/**
 * The gateway fixtures (`gateway-*` under invoke-to-converse and converse-stream) prove both paths of the
 * run-time dispatch: besides being equivalent (equivalence.test.ts), the migrated code must send the Claude
 * call through Converse / ConverseStream and every other family's call through InvokeModel, unchanged.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { checkEquivalence, discoverRunnableCases, formatReport } from './support/equivalence';

const cases = discoverRunnableCases(path.join(__dirname, '..', '__testfixtures__')).filter(
  (c) => c.name.startsWith('gateway-') && (c.codemod === 'invoke-to-converse' || c.codemod === 'converse-stream'),
);
let stub: StubBedrock;

beforeAll(async () => {
  stub = await startStubBedrock();
});
afterAll(async () => {
  await stub.close();
});

describe('gateway fixtures route Claude through Converse and leave the other families on InvokeModel', () => {
  it('has gateway fixtures for both codemods', () => {
    expect(cases.filter((c) => c.codemod === 'invoke-to-converse').length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.codemod === 'converse-stream').length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [`${c.codemod}/${c.name}`, c] as const))('%s', async (_label, c) => {
    const report = await checkEquivalence(stub, c);
    expect(report.ok, formatReport(report)).toBe(true);
    const stream = c.codemod === 'converse-stream';
    const before = report.input.requests.map((r) => r.operation);
    const after = report.output.requests.map((r) => r.operation);
    expect(before.every((op) => op === (stream ? 'InvokeModelWithResponseStream' : 'InvokeModel'))).toBe(true);
    expect(after).toContain(stream ? 'ConverseStream' : 'Converse');
    expect(after).toContain(stream ? 'InvokeModelWithResponseStream' : 'InvokeModel');
    // Each non-Claude request goes out byte for byte as before.
    report.output.requests.forEach((r, i) => {
      if (r.operation.startsWith('Invoke')) expect(r.rawBody).toBe(report.input.requests[i]!.rawBody);
    });
  });
});
