/**
 * Real migrations keep the file's style: CRLF stays CRLF; a single-quoted, tab-indented file gets
 * single quotes and tabs in the code the codemods write.
 */
import { describe, expect, it } from 'vitest';
import { selectCodemods } from '../src/codemods/registry';
import { transformSource } from '../src/engine/engine';
import { jscodeshiftFor } from '../src/engine/parse';
import { detectStyle, nonCodeLines } from '../src/engine/style';

const migrate = (path: string, source: string) => transformSource({ path, source, codemods: selectCodemods() });

const CHAT = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  '',
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
  'export async function ask(question) {',
  '\tconst response = await client.send(',
  '\t\tnew InvokeModelCommand({',
  "\t\t\tmodelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',",
  "\t\t\tcontentType: 'application/json',",
  '\t\t\tbody: JSON.stringify({',
  "\t\t\t\tanthropic_version: 'bedrock-2023-05-31',",
  '\t\t\t\tmax_tokens: 256,',
  "\t\t\t\tsystem: 'Answer briefly.',",
  "\t\t\t\tmessages: [{ role: 'user', content: question }],",
  '\t\t\t}),',
  '\t\t}),',
  '\t);',
  '\tconst parsed = JSON.parse(new TextDecoder().decode(response.body));',
  '\treturn parsed.content[0].text;',
  '}',
  '',
].join('\n');

describe('style of migrated files', () => {
  it('a CRLF file stays CRLF, every line of it', () => {
    const source = CHAT.replace(/\n/g, '\r\n');
    const result = migrate('src/chat.mjs', source);
    expect(result.changedBy).toEqual(['model-ids', 'invoke-to-converse', 'refusal-stop-reason']);
    const output = result.output!;
    expect(output).toContain('ConverseCommand');
    expect(output.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(output.endsWith('\r\n')).toBe(true);
  });

  it('a single-quoted, tab-indented file gets single quotes and tabs in new code', () => {
    const result = migrate('src/chat.mjs', CHAT);
    const output = result.output!;
    expect(output).toContain("modelId: 'global.anthropic.claude-sonnet-4-6'");
    expect(output).toMatch(/content: \[\{\s*text: question\s*\}\]/);
    const code = output.split('\n').filter((line) => !line.trim().startsWith('//'));
    expect(code.filter((line) => line.includes('"'))).toEqual([]);
    const indented = output.split('\n').filter((line) => /^\s+\S/.test(line));
    expect(indented.length).toBeGreaterThan(10);
    for (const line of indented) expect(line, JSON.stringify(line)).toMatch(/^\t+(\S| \*)/);
  });

  it('whitespace inside template literals is content: a tab-indented file keeps it as written', () => {
    const template = '`Answer briefly.\n    Use lists:\n        - short\n`';
    const source = CHAT.replace("'Answer briefly.'", template);
    expect(source).toContain('\n        - short\n');
    const output = migrate('src/chat.mjs', source).output!;
    expect(output).toContain(template);
  });

  it('a second run over the migrated file changes nothing', () => {
    const once = migrate('src/chat.mjs', CHAT).output!;
    expect(migrate('src/chat.mjs', once).output).toBeNull();
  });
});

describe('indentation is read off the code lines', () => {
  const styleOf = (text: string) => {
    const j = jscodeshiftFor('ts');
    const file = j(text).get().node as { tokens?: Parameters<typeof nonCodeLines>[0] };
    return detectStyle(text, false, [], [], nonCodeLines(file.tokens));
  };

  it('a tab-indented file whose templates are indented with spaces uses tabs', () => {
    const html = ['<table>', ...Array.from({ length: 12 }, (_, i) => `    <tr><td>${i}</td></tr>`), '</table>'].join('\n');
    const text = `export function page(rows: string[]) {\n\tif (rows.length === 0) {\n\t\treturn '';\n\t}\n\treturn \`${html}\`;\n}\n`;
    expect(detectStyle(text, false)).toMatchObject({ useTabs: false });
    expect(styleOf(text)).toMatchObject({ useTabs: true, tabWidth: 4 });
  });
});
