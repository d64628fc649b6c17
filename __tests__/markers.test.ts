import { describe, expect, it } from 'vitest';
import { MARKER_MAX_LENGTH, MARKER_PREFIX, markerComment, markerText } from '../src/ast/markers';
import { transformSource } from '../src/engine/engine';
import type { Codemod, CodemodManifestEntry } from '../src/engine/types';

const LONG =
  'Claude 4 "refusal" stop reason: add a case for it in this switch; the partial output must never be used, and the refused turn must not be sent again as it is';

/** Marks every `legacyCall()` with the message in its first argument, and notes every `reviewed()` call. */
const marking: Codemod = {
  name: 'marking',
  run({ j, root, marker, note }) {
    root.find(j.CallExpression, { callee: { name: 'legacyCall' } }).forEach((p) => {
      marker(p, (p.node.arguments[0] as unknown as { value: string }).value);
    });
    root.find(j.CallExpression, { callee: { name: 'reviewed' } }).forEach((p) => note('wrote a check here', p, 'refusal'));
    return false;
  },
};
const entry: CodemodManifestEntry = { name: 'marking', summary: 'test', mentions: ['legacyCall', 'reviewed'], options: [], load: () => marking };
const run = (source: string) => transformSource({ path: 'src/app.ts', source, codemods: [entry] });

describe('markerText', () => {
  it('keeps a short message as it is', () => {
    expect(markerText('the model is chosen at run time; pick a current one')).toBe('the model is chosen at run time; pick a current one');
  });

  it('makes one line of a message written over several', () => {
    expect(markerText('first line\n  second   line')).toBe('first line second line');
  });

  it('cuts a message longer than the limit at a word, with an ellipsis', () => {
    const text = markerText(LONG);
    expect(LONG.length).toBeGreaterThan(MARKER_MAX_LENGTH);
    expect(text.length).toBeLessThanOrEqual(MARKER_MAX_LENGTH);
    expect(text.endsWith('…')).toBe(true);
    expect(LONG.startsWith(text.slice(0, -1))).toBe(true);
    expect(text).not.toMatch(/\s…$/);
  });

  it('prefixes the greppable TODO', () => {
    expect(markerComment('x')).toBe(`${MARKER_PREFIX} x`);
  });
});

describe('markers in code', () => {
  it('write a long message as one short line and record the whole message for the report', () => {
    const source = `export function f() {\n  legacyCall(${JSON.stringify(LONG)});\n}\n`;
    const result = run(source);
    const comment = result.output!.split('\n').find((l) => l.includes(MARKER_PREFIX))!;
    expect(comment.trim()).toBe(`// ${markerComment(LONG)}`);
    expect(comment.trim().length - `// ${MARKER_PREFIX} `.length).toBeLessThanOrEqual(MARKER_MAX_LENGTH);
    expect(result.markers).toEqual([{ codemod: 'marking', message: LONG, line: 2 }]);
    // The cut comment is recognised as the same marker: a second run adds nothing.
    expect(run(result.output!).output).toBeNull();
  });

  it('record notes with their kind and no comment in the code', () => {
    const result = run('export function f() {\n  reviewed();\n  legacyCall("kept");\n}\n');
    expect(result.notes).toEqual([{ codemod: 'marking', message: 'wrote a check here', line: 2, kind: 'refusal' }]);
    expect(result.output!.match(/TODO\(bedrock-claude-codemod\)/g)).toHaveLength(1);
  });
});
