import { describe, expect, it } from 'vitest';
import type { StringLiteral } from 'jscodeshift';
import { transformSource } from '../src/engine/engine';
import type { Codemod, CodemodManifestEntry } from '../src/engine/types';
import { SourceParseError } from '../src/engine/types';
import { detectStyle } from '../src/engine/style';

/** A small codemod for engine tests: renames the string "old-model" and marks `legacyCall()` statements. */
const rename: Codemod = {
  name: 'rename',
  run({ j, root, marker, isIgnored }) {
    let changed = false;
    root.find(j.StringLiteral, { value: 'old-model' }).forEach((p) => {
      if (isIgnored(p)) return;
      (p.node as StringLiteral).value = 'new-model';
      changed = true;
    });
    root.find(j.CallExpression, { callee: { name: 'legacyCall' } }).forEach((p) => {
      if (isIgnored(p)) return;
      marker(p, 'legacyCall has no replacement');
    });
    return changed;
  },
};

const entry: CodemodManifestEntry = {
  name: 'rename',
  summary: 'test',
  mentions: ['old-model', 'legacyCall'],
  options: [],
  load: () => rename,
};

const run = (source: string, path = 'src/app.ts') => transformSource({ path, source, codemods: [entry] });

describe('engine', () => {
  it('leaves a file with nothing to do untouched and unparsed', () => {
    const source = 'const x = "something else";\n';
    const result = run(source);
    expect(result.output).toBeNull();
    expect(result.skipped).toMatch(/nothing/);
  });

  it('returns null when the pre-filter matches but nothing changes', () => {
    const result = run('// mentions old-model only in a comment\nconst x = 1;\n');
    expect(result.output).toBeNull();
    expect(result.skipped).toBeUndefined();
  });

  it('keeps CRLF line endings and the byte-order mark', () => {
    const source = '\uFEFFimport x from "y";\r\n\r\nconst config = {\r\n  modelId: "old-model",\r\n  other: 1,\r\n};\r\nexport default config;\r\n';
    const result = run(source);
    expect(result.output).toBe(source.replace('old-model', 'new-model'));
    expect(result.output!.startsWith('\uFEFF')).toBe(true);
    expect(result.output!.match(/\r\n/g)!.length).toBe(source.match(/\r\n/g)!.length);
    expect(result.output!.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('hands over the output it parsed itself (BOM and shebang aside), so the check need not parse it again', () => {
    const result = run('\uFEFF#!/usr/bin/env node\nconst config = { modelId: "old-model" };\n');
    expect(result.output).toBe('\uFEFF#!/usr/bin/env node\nconst config = { modelId: "new-model" };\n');
    expect(result.parsedOutput).toBe('\nconst config = { modelId: "new-model" };\n');
    expect(run('const x = 1;\n').parsedOutput).toBeUndefined();
  });

  it('keeps single quotes and tab indentation, also in reprinted code', () => {
    const source = "function f() {\n\tif (ready) {\n\t\tlegacyCall('a');\n\t}\n\treturn { id: 'old-model' };\n}\n";
    const result = run(source);
    expect(result.output).toBe(
      "function f() {\n\tif (ready) {\n\t\t// TODO(bedrock-claude-codemod): legacyCall has no replacement\n\t\tlegacyCall('a');\n\t}\n\treturn { id: 'new-model' };\n}\n",
    );
  });

  it('keeps double quotes where the file uses them', () => {
    const result = run('const a = "x";\nconst b = "old-model";\n');
    expect(result.output).toBe('const a = "x";\nconst b = "new-model";\n');
  });

  it('adds a marker once and records it; a second run changes nothing', () => {
    const source = 'export async function main() {\n  await legacyCall();\n}\n';
    const first = run(source);
    expect(first.markers).toEqual([{ codemod: 'rename', message: 'legacyCall has no replacement', line: 2 }]);
    const second = run(first.output!);
    expect(second.output).toBeNull();
    expect(second.markers).toEqual([]);
  });

  it('respects bedrock-claude-codemod-ignore on a statement', () => {
    const source = '// bedrock-claude-codemod-ignore\nconst pinned = "old-model";\nconst other = "old-model";\n';
    expect(run(source).output).toBe('// bedrock-claude-codemod-ignore\nconst pinned = "old-model";\nconst other = "new-model";\n');
  });

  it('reports a syntax error with the file and line', () => {
    let error: unknown;
    try {
      run('const ok = "old-model";\nconst broken = {;\n', 'src/broken.ts');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceParseError);
    expect((error as SourceParseError).line).toBe(2);
    expect((error as SourceParseError).message).toMatch(/^src\/broken\.ts:2:/);
  });

  it('parses JSX in .js files and TypeScript in .ts files with the right grammar', () => {
    expect(run('const el = <Model id="old-model" />;\n', 'src/view.jsx').output).toBe('const el = <Model id="new-model" />;\n');
    expect(run('const id: string = "old-model" as const;\n', 'src/a.mts').output).toBe('const id: string = "new-model" as const;\n');
    expect(run('const id = "old-model";\n', 'types.d.ts').output).toBeNull();
  });
});

describe('style detection', () => {
  it('reads quotes, indentation and line endings', () => {
    const style = detectStyle("const a = {\r\n    b: 'c',\r\n    d: 'e',\r\n};\r\n", false);
    expect(style).toMatchObject({ quote: 'single', useTabs: false, tabWidth: 4, lineTerminator: '\r\n' });
    expect(detectStyle('const a = {\n\tb: "c"\n};\n', true)).toMatchObject({ quote: 'double', useTabs: true, bom: true });
  });

  /** Adds `extra: 1` to every object with a modelId, which makes recast reprint the whole object. */
  const addProperty: CodemodManifestEntry = {
    ...entry,
    name: 'add-property',
    mentions: ['modelId'],
    load: () => ({
      name: 'add-property',
      run({ j, root }) {
        root.find(j.ObjectExpression).forEach((p) => {
          if (p.node.properties.some((prop) => j.ObjectProperty.check(prop) && j.Identifier.check(prop.key) && prop.key.name === 'modelId')) {
            p.node.properties.push(j.objectProperty(j.identifier('extra'), j.numericLiteral(1)));
          }
        });
        return true;
      },
    }),
  };
  const reprint = (source: string) => transformSource({ path: 'a.ts', source, codemods: [addProperty] }).output;

  it('keeps trailing commas in reprinted literals where the file writes them, however many blocks end in `;`', () => {
    const source = [
      'interface Options {',
      '  region: string;',
      '}',
      'class Client {',
      '  send() {',
      '    return 1;',
      '  }',
      '}',
      'const tags = [',
      '  "a",',
      '  "b",',
      '];',
      'const input = {',
      '  modelId: "m",',
      '  body: "{}",',
      '};',
      '',
    ].join('\n');
    expect(reprint(source)).toContain('  body: "{}",\n  extra: 1,\n};');
  });

  it('writes none where the file writes none', () => {
    const source = 'const tags = [\n  "a",\n  "b"\n];\nconst input = {\n  modelId: "m",\n  body: "{}"\n};\n';
    expect(reprint(source)).toContain('  body: "{}",\n  extra: 1\n};');
  });
});

describe('markers', () => {
  it('go above an exported declaration, not between `export` and the declaration', () => {
    const result = run('export const answer = legacyCall();\n');
    expect(result.output).toBe('// TODO(bedrock-claude-codemod): legacyCall has no replacement\nexport const answer = legacyCall();\n');
  });
});

describe('failures', () => {
  it('name the codemod that threw', () => {
    const broken: CodemodManifestEntry = {
      ...entry,
      name: 'broken',
      load: () => ({ name: 'broken', run: () => { throw new Error('cannot read property'); } }),
    };
    expect(() => transformSource({ path: 'a.ts', source: 'const a = "old-model";\n', codemods: [broken] })).toThrow(/^broken: cannot read property$/);
  });
});

describe('scripts', () => {
  it('keep their #! line on top and their line numbers', () => {
    const source = '#!/usr/bin/env node\n// tag a file\nconst model = "old-model";\nlegacyCall();\n';
    const result = run(source, 'bin/tag.js');
    expect(result.output).toBe('#!/usr/bin/env node\n// tag a file\nconst model = "new-model";\n// TODO(bedrock-claude-codemod): legacyCall has no replacement\nlegacyCall();\n');
    expect(result.markers[0].line).toBe(4);
  });
});

describe('bare-node markers', () => {
  it('find the node in a tree the codemod changed before marking', () => {
    const marking: Codemod = {
      name: 'marking',
      run({ j, root, marker }) {
        const call = root.find(j.CallExpression, { callee: { name: 'legacyCall' } }).get().node;
        // Insert a statement first, so that the node's original path is stale.
        root.find(j.Program).get('body').unshift(j.expressionStatement(j.identifier('before')));
        marker(call, 'marked by node');
        return true;
      },
    };
    const result = transformSource({
      path: 'a.ts',
      source: 'legacyCall();\n',
      codemods: [{ ...entry, name: 'marking', load: () => marking }],
    });
    expect(result.output).toBe('before;\n// TODO(bedrock-claude-codemod): marked by node\nlegacyCall();\n');
    // The report gives the line the comment stands on in the output, not the line the code had before.
    expect(result.markers).toEqual([{ codemod: 'marking', message: 'marked by node', line: 2 }]);
  });
});

describe('trailing commas in arguments', () => {
  /** Adds a long argument to every call of `send`, which makes recast reprint the argument list. */
  const addArgument: CodemodManifestEntry = {
    ...entry,
    name: 'add-argument',
    mentions: ['send'],
    load: () => ({
      name: 'add-argument',
      run({ j, root }) {
        root.find(j.CallExpression, { callee: { property: { name: 'send' } } }).forEach((p) => {
          p.node.arguments.push(j.stringLiteral('a long argument that makes the printed call wider than the wrap column'));
        });
        return true;
      },
    }),
  };
  const reprint = (source: string) => transformSource({ path: 'a.js', source, codemods: [addArgument] }).output!;

  it('follow the file: none in arguments while its literals have them', () => {
    const source = 'const input = {\n  a: 1,\n};\nclient.send(\n  input\n);\n';
    expect(reprint(source)).toMatch(/wrap column.\n\);/);
  });

  it('follow the file: arguments with trailing commas', () => {
    const source = 'const input = {\n  a: 1\n};\nclient.send(\n  input,\n);\n';
    expect(reprint(source)).toMatch(/wrap column.,\n\);/);
  });
});

describe('tab-indented files', () => {
  /** Wraps every `legacyCall()` statement in an `if` block and adds a multi-line template literal. */
  const wrap: CodemodManifestEntry = {
    ...entry,
    name: 'wrap',
    load: () => ({
      name: 'wrap',
      run({ j, root }) {
        root.find(j.ExpressionStatement, { expression: { callee: { name: 'legacyCall' } } }).forEach((p) => {
          const template = j.templateLiteral([j.templateElement({ raw: 'line one\n    line two', cooked: 'line one\n    line two' }, true)], []);
          const inner = j.blockStatement([j.ifStatement(j.identifier('deep'), j.blockStatement([j.expressionStatement(j.callExpression(j.identifier('log'), [template])), p.node]))]);
          p.replace(j.ifStatement(j.identifier('ready'), inner));
        });
        return true;
      },
    }),
  };

  it('get tabs in reprinted code, while whitespace inside new template literals stays as built', () => {
    const source = 'function f() {\n\tsetup();\n\tlegacyCall();\n}\n';
    const output = transformSource({ path: 'a.js', source, codemods: [wrap] }).output!;
    expect(output).toContain('\n    line two`');
    const code = output.split('\n').filter((line) => !line.includes('line two'));
    for (const line of code) expect(line, JSON.stringify(line)).toMatch(/^\t*\S|^$/);
    expect(output).toContain('\t\t\tlegacyCall();');
  });
});

describe('imports written one specifier per line', () => {
  /** Adds `ConverseCommand` to the import that has `InvokeModelCommand`, and drops `InvokeModelCommand`. */
  const swap: CodemodManifestEntry = {
    ...entry,
    name: 'swap',
    mentions: ['InvokeModelCommand'],
    load: () => ({
      name: 'swap',
      run({ j, root }) {
        root.find(j.ImportDeclaration).forEach((p) => {
          const specs = p.node.specifiers!.filter((s) => !(j.ImportSpecifier.check(s) && s.imported.name === 'InvokeModelCommand'));
          specs.push(j.importSpecifier(j.identifier('ConverseCommand')));
          p.node.specifiers = specs;
        });
        return true;
      },
    }),
  };
  const run = (source: string) => transformSource({ path: 'a.ts', source, codemods: [swap] }).output;

  it('keep that layout, its indentation and its trailing comma when the list changes', () => {
    const source = '// client\n\nimport {\n    BedrockRuntimeClient,\n    InvokeModelCommand,\n} from "@aws-sdk/client-bedrock-runtime";\n\nexport const c = new BedrockRuntimeClient({});\n';
    expect(run(source)).toBe('// client\n\nimport {\n    BedrockRuntimeClient,\n    ConverseCommand,\n} from "@aws-sdk/client-bedrock-runtime";\n\nexport const c = new BedrockRuntimeClient({});\n');
  });

  it('and without semicolons or a trailing comma', () => {
    const source = "import {\n  BedrockRuntimeClient,\n  InvokeModelCommand\n} from '@aws-sdk/client-bedrock-runtime'\n\nexport const c = new BedrockRuntimeClient({})\n";
    expect(run(source)).toBe("import {\n  BedrockRuntimeClient,\n  ConverseCommand\n} from '@aws-sdk/client-bedrock-runtime'\n\nexport const c = new BedrockRuntimeClient({})\n");
  });

  it('one-line imports stay on one line', () => {
    expect(run('import { BedrockRuntimeClient, InvokeModelCommand } from "x";\n')).toBe('import { BedrockRuntimeClient, ConverseCommand } from "x";\n');
  });
});

describe('multi-line template literals', () => {
  /** Moves every `const prompt = …` statement into a new `if (ready) { … }` block, one level deeper. */
  const nest: CodemodManifestEntry = {
    ...entry,
    name: 'nest',
    mentions: ['prompt'],
    load: () => ({
      name: 'nest',
      run({ j, root }) {
        root.find(j.VariableDeclaration).forEach((p) => {
          const declarator = p.node.declarations[0] as { id: { name?: string } };
          if (declarator.id.name === 'prompt') p.replace(j.ifStatement(j.identifier('ready'), j.blockStatement([p.node])));
        });
        return true;
      },
    }),
  };

  it('keep their text when the code around them moves to another depth', () => {
    const source = 'function f() {\n  const prompt = `Answer with one of:\n    yes\n    no`;\n  return prompt;\n}\n';
    const output = transformSource({ path: 'a.js', source, codemods: [nest] }).output!;
    expect(output).toContain('if (ready) {\n    const prompt = `Answer with one of:\n    yes\n    no`;\n  }');
  });
});
