/**
 * The report's "Shapes converted at a boundary" group: a gateway send routed at run time is listed there, at
 * the line of its InvokeModel command, and `--boundaries mark` keeps the marker instead (listed with the calls
 * left on their old API).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMarkdown, type ReportInput } from '../src/runner/report';
import { analyse } from '../src/runner/runner';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-report-boundary-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const GATEWAY = `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function complete(modelId: string, prompt: string): Promise<string> {
  let body: Record<string, unknown>;
  if (modelId.startsWith('anthropic.')) {
    body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: prompt }] };
  } else {
    body = { inputText: prompt, textGenerationConfig: { maxTokenCount: 200 } };
  }
  const command = new InvokeModelCommand({ modelId, body: JSON.stringify(body) });
  const response = await client.send(command);
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return modelId.startsWith('anthropic.') ? data.content[0].text : data.results[0].outputText;
}
`;

async function report(options: Record<string, unknown>): Promise<{ md: string; output: string | undefined }> {
  const dir = fs.mkdtempSync(path.join(TMP, 'app-'));
  fs.writeFileSync(path.join(dir, 'gateway.ts'), GATEWAY);
  const run = await analyse({ paths: ['.'], cwd: dir, selection: { only: ['invoke-to-converse'] }, options, jobs: 1 });
  const input: ReportInput = {
    cwd: dir,
    mode: 'preview',
    files: run.files,
    codemods: run.codemods,
    options,
    elapsedMs: 1,
    exitCode: 0,
    version: '0.0.0',
    prompts: [],
    reportDir: dir,
  };
  return { md: formatMarkdown(input), output: run.files[0]?.output };
}

function section(md: string, title: string): string {
  const start = md.indexOf(`### ${title}\n`);
  if (start < 0) return '';
  const end = md.slice(start + 1).search(/\n##/);
  return md.slice(start, end < 0 ? undefined : start + 1 + end);
}

describe('report: shapes converted at a boundary', () => {
  it('lists a gateway send routed at run time at the line of its command', async () => {
    const { md, output } = await report({});
    const group = section(md, 'Shapes converted at a boundary');
    expect(group).toContain('Converse has no message id or model name');
    const line = output!.split('\n').findIndex((l) => l.includes('new InvokeModelCommand(')) + 1;
    expect(group).toContain(`[\`gateway.ts:${line}\`](gateway.ts#L${line}) gateway: Claude models go through Converse at run time (sendClaudeViaConverse)`);
    expect(section(md, 'Calls left on their old API, and why')).toBe('');
    expect(output).toContain('await sendClaudeViaConverse(client, command)');
  }, 60_000);

  it('keeps the marker with --boundaries mark', async () => {
    const { md, output } = await report({ boundaries: 'mark' });
    expect(section(md, 'Shapes converted at a boundary')).toBe('');
    expect(section(md, 'Calls left on their old API, and why')).toContain('one call serves Claude and other model families (Titan)');
    expect(output).not.toContain('sendClaudeViaConverse');
  }, 60_000);
});
