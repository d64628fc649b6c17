/**
 * Minimal diffs on real-looking code: every codemod of the `all` preset runs on files written the way people
 * write them (tabs with space-indented templates, irregular indentation, trailing whitespace, comments, CRLF,
 * mixed indentation), and the diff must hold only the migrated statements — every other line keeps its bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { whitespaceOnlyChanges } from '../src/engine/churn';
import { transformSource } from '../src/engine/engine';
import { shapeLines } from '../src/engine/lines';
import { tokenize } from '../src/engine/parse';
import { preserveUnchangedLines } from '../src/engine/preserve';

// Real-looking inputs: `__testfixtures__/minimal-diff/<case>.<ext>` (no `.input.` in the name, so the fixture
// discovery of the codemods does not take them for cases of a codemod).
const DIR = path.join(__dirname, '..', '__testfixtures__', 'minimal-diff');

interface Hunk {
  /** Input lines removed, 1-based, inclusive (`to` = `from` - 1 when lines were only inserted before `from`). */
  from: number;
  to: number;
  added: string[];
}

/** The hunks of a plain line diff (byte for byte, line endings included). */
function hunksOf(before: string, after: string): Hunk[] {
  const hunks: Hunk[] = [];
  let line = 1;
  let open: Hunk | null = null;
  for (const change of diffArrays(before.split('\n'), after.split('\n'))) {
    const n = change.value.length;
    if (!change.added && !change.removed) {
      open = null;
      line += n;
      continue;
    }
    if (!open) {
      open = { from: line, to: line - 1, added: [] };
      hunks.push(open);
    }
    if (change.removed) {
      open.to += n;
      line += n;
    } else open.added.push(...change.value);
  }
  return hunks;
}

/** Migrates a file of __testfixtures__/minimal-diff with every codemod and checks that the diff stays inside `allowed` input lines. */
function migrate(name: string, allowed: Array<[number, number]>, only?: string[]) {
  const file = path.join(DIR, name);
  const input = fs.readFileSync(file, 'utf8');
  const codemods = selectCodemods(only);
  const result = transformSource({ path: file, source: input, codemods });
  expect(result.output, `${name} is migrated`).not.toBeNull();
  const output = result.output!;
  const hunks = hunksOf(input, output);
  for (const hunk of hunks) {
    const inside = allowed.some(([lo, hi]) => hunk.from >= lo && hunk.to <= hi && hunk.from <= hi + 1);
    expect(inside, `${name}: lines ${hunk.from}-${hunk.to} changed outside the migrated statements:\n${hunk.added.join('\n')}`).toBe(true);
  }
  for (const [lo, hi] of allowed) {
    expect(hunks.some((h) => h.from <= hi + 1 && h.to >= lo - 1), `${name}: lines ${lo}-${hi} were expected to change`).toBe(true);
  }
  const churn = whitespaceOnlyChanges(input, output, file);
  expect(churn.lines, `${name}: lines whose only change is whitespace`).toEqual([]);
  // Idempotent: a second run changes nothing.
  expect(transformSource({ path: file, source: output, codemods }).output).toBeNull();
  return { input, output, hunks, added: hunks.flatMap((h) => h.added) };
}

const indent = (line: string) => /^[ \t]*/.exec(line)![0];
const code = (lines: string[]) => lines.filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));

describe('minimal diffs on real-looking files (all codemods)', () => {
  it('a tab-indented file with space-indented HTML, SQL and prompt templates: only the tool lines and the guard change', () => {
    // The editor tool (lines 24-25) and a refusal guard after the create call (ends on line 102).
    const { output, added } = migrate('tabs-templates.ts', [
      [24, 25],
      [103, 102],
    ]);
    expect(added).toContain("\ttype: 'text_editor_20250728',");
    expect(added).toContain("\tname: 'str_replace_based_edit_tool',");
    // Template expressions broken over lines keep their layout.
    expect(output).toContain("<td>${\n\t\t\tedit.ok\n\t\t\t\t? 'applied'\n\t\t\t\t: '<span class=\"warn\">rejected</span>'}</td>");
    expect(output).toContain('${\n\t\tsession.finishedAt\n\t\t\t? `, finished ${session.finishedAt.toISOString()}`\n\t\t\t: ""}</p>');
    // New code is indented with tabs, like the code around it.
    for (const line of code(added)) expect(indent(line), JSON.stringify(line)).toMatch(/^\t*$/);
  });

  it('the same file through text-editor-tool alone: one line per replaced word, nothing else', () => {
    const { hunks } = migrate('tabs-templates.ts', [[24, 25]], ['text-editor-tool']);
    expect(hunks).toEqual([{ from: 24, to: 25, added: ["\ttype: 'text_editor_20250728',", "\tname: 'str_replace_based_edit_tool',"] }]);
  });

  it('a Lambda handler indented 4 then 6 spaces: only the inserted guard, indented like its neighbours', () => {
    const { added } = migrate('lambda-irregular.js', [[24, 23]]);
    const guard = code(added);
    expect(guard[0]).toMatch(/^ {4}if \(response\.stopReason === /);
    expect(guard[1]).toMatch(/^ {10}throw new Error\($/);
    expect(guard.at(-1)).toBe('    }');
  });

  it('trailing whitespace, whitespace-only lines and comments in a reprinted call stay as written', () => {
    const { input, output } = migrate('trailing-whitespace.ts', [
      [1, 1],
      [23, 37],
    ]);
    for (const kept of [' * Summaries for the support inbox.   \n', '\n  \n  constructor', '{ region });   \n', '\n    \n  async summarize', '\n      \n    const response', '*/   \n', '< 200;  \n']) {
      expect(input).toContain(kept);
      expect(output).toContain(kept);
    }
    expect(output).toContain('      new ConverseCommand({\n        // Haiku is enough for summaries and keeps the cost down.\n        modelId:');
  });

  it('a CRLF file with tab- and space-indented functions stays CRLF and mixed', () => {
    const { output, added } = migrate('crlf-mixed.js', [
      [2, 2],
      [15, 25],
    ]);
    expect(output.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    for (const line of code(added).slice(1)) expect(indent(line), JSON.stringify(line)).toMatch(/^\t+$/);
    expect(output).toContain('\r\nfunction priceLabel(product, currency) {\r\n    const formatter = new Intl.NumberFormat("de-DE", {\r\n        style: "currency",\r\n');
    expect(output).toContain('\treturn `Write a product description.\r\n    Name: ${product.name}\r\n');
  });
});

describe('preserveUnchangedLines', () => {
  const preserve = (original: string, printed: string, tabWidth = 2, useTabs = false) =>
    preserveUnchangedLines({ original, originalTokens: tokenize('ts', original), printed, printedTokens: tokenize('ts', printed), tabWidth, useTabs });

  it('puts back the indentation, spacing and trailing whitespace of lines that say the same', () => {
    const original = 'function f(a) {\n    if (a) {\n          return g( a );   \n    }\n  \n    return 0;\n}\n';
    const printed = 'function f(a) {\n  if (a) {\n    return g(a);\n  }\n\n  return 1;\n}\n';
    expect(preserve(original, printed)).toBe('function f(a) {\n    if (a) {\n          return g( a );   \n    }\n  \n  return 1;\n}\n'.replace('  return 1', '    return 1'));
  });

  it('never puts back whitespace inside strings or template text', () => {
    const original = "const a = 'x  y';\nconst t = `\n    keep\n`;\n";
    const printed = "const a = 'x y';\nconst t = `\n  keep\n`;\n";
    expect(preserve(original, printed)).toBe(printed);
  });

  it('gives re-flowed lines (joined or split, same tokens) their original lines back', () => {
    const original = 'const html = `<p>${\n\t\tok\n\t\t\t? "yes"\n\t\t\t: ""}</p>`;\nrun(\n\ta,\n\tb\n);\nold();\n';
    const printed = 'const html = `<p>${ok ? "yes" : ""}</p>`;\nrun(a, b);\nnext();\n';
    expect(preserve(original, printed, 4, true)).toBe('const html = `<p>${\n\t\tok\n\t\t\t? "yes"\n\t\t\t: ""}</p>`;\nrun(\n\ta,\n\tb\n);\nnext();\n');
  });

  it('indents new lines like their neighbours in the original: tabs stay tabs, an irregular step is followed', () => {
    const original = 'function f() {\n\tconst r = call();\n\treturn r;\n}\n';
    const printed = 'function f() {\n    const r = call();\n    if (!r) {\n        throw new Error("none");\n    }\n    return r;\n}\n';
    expect(preserve(original, printed, 4, true)).toBe('function f() {\n\tconst r = call();\n\tif (!r) {\n\t\tthrow new Error("none");\n\t}\n\treturn r;\n}\n');
  });

  it('does not give moved code the indentation of a line of another block that reads the same', () => {
    const original = 'send({\n  body: JSON.stringify({\n    messages: [\n      {\n        role: "user",\n      },\n    ],\n  }),\n});\n';
    const printed = 'send({\n  messages: [\n    {\n      role: "user",\n    },\n  ],\n});\n';
    expect(preserve(original, printed)).toBe(printed);
  });

  it('keeps each line ending of a CRLF file, and mixed line endings where the file mixes them', () => {
    const original = 'a();\r\nif (x) {\n    b( 1 );\r\n    d();\r\n}\r\n';
    const printed = 'a();\r\nif (x) {\r\n  b(2);\r\n  c();\r\n  d();\r\n}\r\n';
    expect(preserve(original, printed)).toBe('a();\r\nif (x) {\n    b(2);\r\n    c();\r\n    d();\r\n}\r\n');
  });
});

describe('whitespaceOnlyChanges', () => {
  it('counts the lines a diff shows and those whose only change is whitespace', () => {
    const before = 'function f() {\n  a();\n  b();\n  return 1;\n}\n';
    const after = 'function f() {\n    a();\n  c();\n  return 1;   \n}\n';
    expect(whitespaceOnlyChanges(before, after, 'f.ts')).toEqual({ changed: 3, whitespaceOnly: 2, lines: [2, 4] });
  });

  it('counts a re-flowed call as whitespace-only, and code moved into a new block as a change', () => {
    expect(whitespaceOnlyChanges('run(\n  a,\n  b\n);\n', 'run(a, b);\n', 'f.js')).toMatchObject({ changed: 1, whitespaceOnly: 1 });
    expect(whitespaceOnlyChanges('a();\nb();\n', 'if (x) {\n  a();\n}\nb();\n', 'f.js')).toMatchObject({ changed: 3, whitespaceOnly: 0 });
  });

  it('counts whitespace changed inside a string as a change when it knows the file type', () => {
    expect(whitespaceOnlyChanges("const a = 'x  y';\n", "const a = 'x y';\n", 'a.ts')).toMatchObject({ changed: 1, whitespaceOnly: 0 });
  });

  it('finds nothing to report on identical texts, and reads text files without a parser', () => {
    expect(whitespaceOnlyChanges('x\n', 'x\n')).toEqual({ changed: 0, whitespaceOnly: 0, lines: [] });
    expect(whitespaceOnlyChanges('model: a\n', 'model:   a\n', 'app.yaml')).toMatchObject({ whitespaceOnly: 1 });
  });
});

describe('line shapes', () => {
  it('reads depth from code brackets only (not from strings, templates or comments)', () => {
    const text = "f('(', `{`, /* [ */ {\n  a,\n});\n";
    const shape = shapeLines(text, tokenize('ts', text));
    expect(shape.depths).toEqual([0, 2, 0, 0]);
  });
});
