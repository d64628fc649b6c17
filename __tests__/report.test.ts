/**
 * The Markdown report as a pull request description, and the prompt inventory, on the demo app migrated by
 * every codemod: order of the sections, the checklist groups, and that every link points at the line it names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER_MAX_LENGTH, MARKER_PREFIX } from '../src/ast/markers';
import { formatPrompts, promptInventory, promptsIn, type PromptSite } from '../src/runner/prompts';
import { formatMarkdown, type ReportInput } from '../src/runner/report';
import { analyse, type RunResult } from '../src/runner/runner';

const ROOT = path.resolve(__dirname, '..');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-report-'));
const APP = path.join(TMP, 'app');
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

let run: RunResult;
let md: string;
let prompts: PromptSite[];

beforeAll(async () => {
  fs.cpSync(path.join(ROOT, 'examples/legacy-app'), APP, { recursive: true });
  // Data about models next to the app: left alone, and listed as such.
  fs.writeFileSync(
    path.join(APP, 'src/pricing.ts'),
    'export const PRICE_PER_MILLION: Record<string, number> = {\n  "anthropic.claude-3-haiku-20240307-v1:0": 0.25,\n  "anthropic.claude-sonnet-4-6": 3,\n};\n',
  );
  run = await analyse({ paths: ['.'], cwd: APP, selection: {}, options: {}, jobs: 1 });
  prompts = promptInventory(run.files, APP);
  const input: ReportInput = {
    cwd: APP,
    mode: 'preview',
    files: run.files,
    codemods: run.codemods,
    options: { refusal: 'throw' },
    elapsedMs: 1,
    exitCode: 0,
    version: '0.0.0',
    prompts,
    reportDir: APP,
  };
  md = formatMarkdown(input);
}, 60_000);

/** The migrated text of a file of the demo (the original when unchanged). */
function migrated(rel: string): string {
  const f = run.files.find((x) => path.relative(APP, x.file).split(path.sep).join('/') === rel)!;
  return f.output ?? fs.readFileSync(f.file, 'utf8');
}

/** The lines of one `### title` section. */
function section(title: string): string {
  const start = md.indexOf(`### ${title}\n`);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = md.slice(start + 1).search(/\n##/);
  return md.slice(start, end < 0 ? undefined : start + 1 + end);
}

describe('the report as a pull request description', () => {
  it('puts the summary first, then the checklist, the prompt inventory, what was left alone, and the folded diffs', () => {
    const order = ['# Migrate Claude on Amazon Bedrock', '**8 files changed**', '## Review checklist', '## Prompt inventory', '## Left alone, and why', '## Diffs'];
    const at = order.map((s) => md.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('**1 marker** left where a human has work to do');
    expect(md).toMatch(/<details><summary><code>src\/chat\.ts<\/code> \(\+\d+ −\d+\)<\/summary>\n\n```diff\n--- a\/src\/chat\.ts/);
  });

  it('groups the checklist by behaviour change', () => {
    const model = section('Model generation changed');
    expect(model).toContain('follows instructions more literally');
    expect(model).toContain('- [ ] [`src/chat.ts:4`](src/chat.ts#L4) anthropic.claude-3-5-sonnet-20241022-v2:0 → global.anthropic.claude-sonnet-4-6 (Claude 3.5 Sonnet v2 → Claude Sonnet 4.6)');
    expect(model).toContain('Prompts that now go to a new model:');
    expect(model).toContain('system: `You are a concise support assistant for Acme Cloud. Answer in plain English.`');

    const refusal = section('Refusal handling added');
    expect(refusal).toContain('throws `Error("Claude refused the request');
    expect(refusal.match(/^- \[ \] /gm)).toHaveLength(4);
    expect(refusal).toContain('[`src/chat.ts:22`](src/chat.ts#L22) Claude 4 "refusal" stop reason: added a case that throws');

    const routing = section('Routing changed');
    expect(routing).toContain('data');
    expect(routing).toContain('IAM');
    expect(routing).toContain('[`src/tools.js:28`](src/tools.js#L28) routing changed: anthropic.claude-3-haiku-20240307-v1:0 was called by base ID');

    const markers = section('Work left for a human (`TODO(bedrock-claude-codemod)` markers)');
    expect(markers.match(/^- \[ \] /gm)).toHaveLength(1);
    expect(markers).toContain('[`src/editor-tool.ts:18`](src/editor-tool.ts#L18) undo code still used in this file');

    expect(section('Evaluation before rollout')).toMatch(/old and the new model[\s\S]*shadow[\s\S]*A\/B/);
  });

  it('links every item to the line it names in the migrated file', () => {
    const links = [...md.matchAll(/\[`([^`]+):(\d+)`\]\(([^)#]+)#L(\d+)\)/g)];
    expect(links.length).toBeGreaterThan(30);
    for (const [, shown, line, target, anchor] of links) {
      expect(target).toBe(shown);
      expect(anchor).toBe(line);
      const lines = migrated(target).split(/\r?\n/);
      expect(Number(line), `${shown}:${line}`).toBeLessThanOrEqual(lines.length);
    }
    // A marker's link lands on its comment; a refusal note's on the switch it extended.
    expect(migrated('src/editor-tool.ts').split('\n')[17]).toContain(MARKER_PREFIX);
    expect(migrated('src/chat.ts').split('\n')[21]).toContain('switch (response.stopReason)');
    expect(migrated('src/chat.ts').split('\n')[3]).toContain('global.anthropic.claude-sonnet-4-6');
  });

  it('lists data about models under "left alone, and why", with no marker in it', () => {
    const alone = md.slice(md.indexOf('## Left alone, and why'), md.indexOf('## Diffs'));
    expect(alone).toContain('[`src/pricing.ts:2`](src/pricing.ts#L2) anthropic.claude-3-haiku-20240307-v1:0 (Claude 3 Haiku, retired): keys data about that model');
    expect(run.files.find((f) => f.file.endsWith('pricing.ts'))!.status).toBe('unchanged');
  });

  it('leaves markers only where work is left, each one short line', () => {
    const markers = run.files.flatMap((f) => f.markers);
    expect(markers.map((m) => `${m.codemod}: ${m.message}`)).toEqual([
      'text-editor-tool: undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand',
    ]);
    for (const f of run.files) {
      for (const line of (f.output ?? '').split('\n').filter((l) => l.includes(MARKER_PREFIX))) {
        expect(line.trim().length - `// ${MARKER_PREFIX} `.length).toBeLessThanOrEqual(MARKER_MAX_LENGTH);
      }
    }
  });
});

describe('the prompt inventory', () => {
  it('has every call site of the changed files with its target model, prompts and parameters', () => {
    expect(prompts.map((p) => `${p.path}:${p.line} ${p.api}`)).toEqual([
      'src/chat.ts:14 Converse',
      'src/stream.mjs:8 ConverseStream',
      'src/summarize.js:7 Converse',
      'src/tools.js:28 Converse',
    ]);
    const chat = prompts[0];
    expect(chat.model).toBe("process.env.CHAT_MODEL_ID ?? 'global.anthropic.claude-sonnet-4-6'");
    expect(chat.system).toBe('You are a concise support assistant for Acme Cloud. Answer in plain English.');
    expect(chat.parameters.inferenceConfig).toContain('maxTokens: 1024');
    expect(prompts[2].model).toBe('global.anthropic.claude-opus-4-6-v1');
    expect(prompts[2].messages).toContain('Summarize this support ticket in two sentences');
    const doc = JSON.parse(formatPrompts(prompts, '0.0.0'));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.prompts[0]).toEqual(chat);
    expect(md).toContain('| [`src/chat.ts:14`](src/chat.ts#L14) | Converse |');
  });

  it('reads InvokeModel bodies and AnthropicBedrock calls, through same-file constants', () => {
    const source = [
      'import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";',
      'import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";',
      'const SYSTEM = `You triage tickets.`;',
      'const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, system: SYSTEM, messages: [{ role: "user", content: "hi" }] });',
      'export const cmd = new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body });',
      'const client = new AnthropicBedrock();',
      'export const reply = client.messages.create({ model: "global.anthropic.claude-sonnet-4-6", max_tokens: 20, temperature: 0, messages });',
      '',
    ].join('\n');
    const found = promptsIn(path.join(TMP, 'x.ts'), source, TMP);
    expect(found).toEqual([
      {
        path: 'x.ts',
        line: 5,
        api: 'InvokeModel',
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        system: 'You triage tickets.',
        messages: 'user: hi',
        parameters: { anthropic_version: '"bedrock-2023-05-31"', max_tokens: '300' },
      },
      {
        path: 'x.ts',
        line: 7,
        api: 'AnthropicBedrock messages.create',
        model: 'global.anthropic.claude-sonnet-4-6',
        system: null,
        messages: 'messages',
        parameters: { max_tokens: '20', temperature: '0' },
      },
    ]);
  });
});
