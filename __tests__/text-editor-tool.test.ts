/**
 * text-editor-tool: fixture cases of this codemod (inputs must be valid, type-correct code too, so
 * that "the output type-checks where the input did" means something), and the small pieces on their own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { computerVersionForModel, parseClaudeModel } from '../src/codemods/text-editor-tool/computer-version';
import { transformSource } from '../src/engine/engine';
import { discoverCases, ROOT } from './support/fixture-cases';

const CODEMOD = 'text-editor-tool';
const cases = discoverCases().filter((c) => c.codemod === CODEMOD);

function run(source: string, file = 'src/agent/editor.ts') {
  return transformSource({ path: path.join(ROOT, file), source, codemods: selectCodemods([CODEMOD]) });
}

describe('text-editor-tool fixtures', () => {
  it('has at least 20 cases in JS and TS, with negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.some((c) => c.ext === 'ts')).toBe(true);
    expect(cases.some((c) => ['js', 'mjs', 'cjs'].includes(c.ext))).toBe(true);
    expect(cases.filter((c) => !c.hasOutput).length).toBeGreaterThanOrEqual(3);
  });

  it('every TypeScript input type-checks (so outputs are held to the same bar)', () => {
    const project = new Project({
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        moduleDetection: ts.ModuleDetectionKind.Force,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      skipAddingFilesFromTsConfig: true,
    });
    const files = cases
      .filter((c) => c.ext === 'ts')
      .map((c) => project.createSourceFile(path.join(ROOT, '.tmp', 'typecheck-input', CODEMOD, `${c.name}.input.ts`), c.input, { overwrite: true }));
    const errors = files.flatMap((sf) =>
      sf.getPreEmitDiagnostics().map((d) => `${sf.getBaseName()}:${d.getLineNumber() ?? 0}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`),
    );
    expect(errors).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.name}.${c.ext}: one change, then none`, () => {
      const first = transformSource({ path: c.inputPath, source: c.input, codemods: selectCodemods([CODEMOD]), options: c.options });
      expect(first.output ?? c.input).toBe(c.expected);
      const second = transformSource({ path: c.inputPath, source: first.output ?? c.input, codemods: selectCodemods([CODEMOD]), options: c.options });
      expect(second.output).toBeNull();
      expect(second.markers).toEqual([]);
    });
  }
});

describe('text-editor-tool: computer tool version by model (reference §6c)', () => {
  it.each([
    ['global.anthropic.claude-sonnet-4-6', 'computer_20251124'],
    ['anthropic.claude-opus-4-5-20251101-v1:0', 'computer_20251124'],
    ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7', 'computer_20251124'],
    ['claude-opus-5', 'computer_20251124'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'computer_20250124'],
    ['us.anthropic.claude-haiku-4-5-20251001-v1:0', 'computer_20250124'],
    ['anthropic.claude-opus-4-1-20250805-v1:0', 'computer_20250124'],
    ['anthropic.claude-sonnet-4-20250514-v1:0', 'computer_20250124'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', undefined],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', undefined],
    ['amazon.nova-pro-v1:0', undefined],
  ])('%s → %s', (id, version) => {
    expect(computerVersionForModel(id)).toBe(version);
  });

  it('reads dates as dates, not minor versions', () => {
    expect(parseClaudeModel('anthropic.claude-sonnet-4-20250514-v1:0')).toEqual({ family: 'sonnet', major: 4, minor: 0 });
    expect(parseClaudeModel('claude-3-7-sonnet-20250219')).toEqual({ family: 'sonnet', major: 3, minor: 7 });
  });
});

describe('text-editor-tool: behaviour', () => {
  it('leaves code that only mentions the words alone', () => {
    const source = "// The old undo_edit button, see str_replace_editor docs\nexport const label = 'Undo';\n";
    expect(run(source).output).toBeNull();
  });

  it('marks a request that mixes computer tool versions instead of guessing its beta flag', () => {
    const source = [
      "const body = {",
      "  anthropic_beta: ['computer-use-2024-10-22'],",
      "  tools: [",
      "    { type: 'computer_20241022', name: 'computer', display_width_px: 800, display_height_px: 600 },",
      "    { type: 'computer_20250124', name: 'computer', display_width_px: 800, display_height_px: 600 },",
      "    { type: 'text_editor_20241022', name: 'str_replace_editor' },",
      "  ],",
      "};",
      "export default body;",
      "",
    ].join('\n');
    const result = run(source, 'src/mixed.ts');
    expect(result.output).toContain("anthropic_beta: ['computer-use-2024-10-22']");
    expect(result.markers.map((m) => m.message)).toContain('the request uses several computer tool versions: set the computer-use beta flag by hand');
  });

  it('collapses a union to its last member and keeps the map typed by it', () => {
    const source = [
      "const tool = { type: 'text_editor_20250124', name: 'str_replace_editor' };",
      "type Cmd = 'view' | 'undo_edit';",
      "const map: Record<Cmd, number> = { view: 1, undo_edit: 2 };",
      "export { tool, map };",
      "",
    ].join('\n');
    const out = run(source, 'src/union.ts').output!;
    expect(out).toContain("type Cmd = 'view';");
    expect(out).toContain('const map: Record<Cmd, number> = { view: 1 };');
    expect(out).toContain("{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }");
  });

  it('takes undo_edit out of conditions and ternaries', () => {
    const source = [
      "const tools = [{ type: 'text_editor_20241022', name: 'str_replace_editor' }];",
      'export function label(command: string) {',
      "  const writes = command !== 'view' && command !== 'undo_edit';",
      "  return command === 'undo_edit' ? 'undo' : writes ? 'write' : 'read';",
      '}',
      'export { tools };',
      '',
    ].join('\n');
    const out = run(source, 'src/cond.ts').output!;
    expect(out).toContain("const writes = command !== 'view';");
    expect(out).toContain("return writes ? 'write' : 'read';");
  });

  it('keeps an old-name key next to the new one (a compatibility map) and renames a lone one', () => {
    const source = [
      "const tools = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];",
      'const compat = { str_replace_editor: 1, str_replace_based_edit_tool: 1 };',
      'const handlers = { str_replace_editor: 2, bash: 3 };',
      'export { tools, compat, handlers };',
      '',
    ].join('\n');
    const out = run(source, 'src/keys.ts').output!;
    expect(out).toContain('const compat = { str_replace_editor: 1, str_replace_based_edit_tool: 1 };');
    expect(out).toContain('const handlers = { str_replace_based_edit_tool: 2, bash: 3 };');
  });

  it('reports a removed public method of an exported class, since other files may call it', () => {
    const source = [
      'export class Editor {',
      '  run(command: string) {',
      '    switch (command) {',
      "      case 'view': return 'v';",
      "      case 'insert': return 'i';",
      "      case 'undo_edit': return this.undoEdit();",
      '    }',
      "    return '';",
      '  }',
      '  undoEdit() {',
      "    return 'u';",
      '  }',
      '}',
      '',
    ].join('\n');
    const result = run(source, 'src/editor.ts');
    expect(result.output).not.toContain('undoEdit');
    expect(result.notes.map((n) => n.message)).toContain('removed Editor.undoEdit, which only undo_edit used; check other files that may call it');
  });

  it('leaves a same-file undo function that other code still calls, with a marker', () => {
    const source = [
      "const tools = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];",
      'function undoEdit(path: string) { return path; }',
      'export function run(cmd: string, path: string) {',
      "  if (cmd === 'view') return 'v';",
      "  else if (cmd === 'undo_edit') return undoEdit(path);",
      "  return 'x';",
      '}',
      'export const resetButton = () => undoEdit(\'all\');',
      'export { tools };',
      '',
    ].join('\n');
    const result = run(source, 'src/still.ts');
    expect(result.output).toContain('function undoEdit(path: string)');
    expect(result.output).not.toContain("cmd === 'undo_edit'");
    expect(result.markers.some((m) => m.message.startsWith('undo code still used in this file'))).toBe(true);
  });

  it('keeps an SDK type the installed SDK does not have yet, with a marker', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tet-sdk-'));
    const sdk = path.join(dir, 'node_modules', '@anthropic-ai', 'sdk');
    fs.mkdirSync(path.join(sdk, 'resources', 'messages'), { recursive: true });
    fs.writeFileSync(path.join(sdk, 'package.json'), '{"name":"@anthropic-ai/sdk","version":"0.40.0"}');
    fs.writeFileSync(path.join(sdk, 'resources', 'messages', 'messages.d.ts'), 'export interface ToolTextEditor20250124 { type: "text_editor_20250124" }\n');
    try {
      const source = [
        "import type { ToolTextEditor20250124 } from '@anthropic-ai/sdk/resources/messages';",
        "export const tool: ToolTextEditor20250124 = { type: 'text_editor_20250124', name: 'str_replace_editor' };",
        '',
      ].join('\n');
      const result = transformSource({ path: path.join(dir, 'src', 'tool.ts'), source, codemods: selectCodemods([CODEMOD]) });
      expect(result.output).toContain('import type { ToolTextEditor20250124 }');
      expect(result.markers.map((m) => m.message)).toContain(
        'the installed @anthropic-ai/sdk has no ToolTextEditor20250728 type: upgrade it, then use that type here',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a custom tool that happens to use the old name and commands, and says why', () => {
    const source = [
      "export const TOOL = { name: 'str_replace_editor', input_schema: { type: 'object', properties: { command: { enum: ['view', 'insert', 'undo_edit'] } } } };",
      "export const isEditor = (name: string) => name === 'str_replace_editor';",
      '',
    ].join('\n');
    const result = run(source, 'src/custom.ts');
    expect(result.output).toBeNull();
    expect(result.notes.length).toBeGreaterThan(0);
  });

  it('drops one link of a `.set()` chain and keeps the others', () => {
    const source = [
      "const tools = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];",
      'const handlers = new Map<string, () => string>();',
      "handlers.set('view', () => 'v').set('undo_edit', () => 'u').set('insert', () => 'i');",
      "handlers.set('undo_edit', () => 'again');",
      'export { tools, handlers };',
      '',
    ].join('\n');
    const out = run(source, 'src/chain.ts').output!;
    expect(out).toContain("handlers.set('view', () => 'v').set('insert', () => 'i');");
    expect(out).not.toContain('undo_edit');
  });

  it('updates an anthropic-beta header string with the file\'s tools', () => {
    const source = [
      "import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';",
      "export const client = new AnthropicBedrock({ defaultHeaders: { 'anthropic-beta': 'computer-use-2024-10-22,interleaved-thinking-2025-05-14' } });",
      "export const tools = [{ type: 'text_editor_20241022', name: 'str_replace_editor' }];",
      '',
    ].join('\n');
    const out = run(source, 'src/header.ts').output!;
    expect(out).toContain("{ 'anthropic-beta': 'interleaved-thinking-2025-05-14' }");
  });

  it('marks a file that has both the Anthropic editor and a custom tool of the old name', () => {
    const source = [
      "const ANTHROPIC_TOOLS = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];",
      "const NOVA_TOOLS = [{ toolSpec: { name: 'str_replace_editor', inputSchema: { json: { type: 'object' } } } }];",
      "export const isEditor = (n: string) => n === 'str_replace_editor';",
      'export { ANTHROPIC_TOOLS, NOVA_TOOLS };',
      '',
    ].join('\n');
    const result = run(source, 'src/conflict.ts');
    expect(result.output).toContain("{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }");
    expect(result.output).toContain("n === 'str_replace_editor'");
    expect(result.markers.some((m) => m.message.startsWith('a custom tool shares the old editor name str_replace_editor'))).toBe(true);
  });
});
