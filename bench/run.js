#!/usr/bin/env node
'use strict';
/**
 * Benchmark of the runner: generates a synthetic source tree in a temp directory (default 10,000 files,
 * 1% of them calling Claude on Bedrock), runs a preview over it with the compiled runner, and reports
 * files per second and peak RSS. Usage: node bench/run.js [--files N] [--callers FRACTION] [--jobs N] [--keep]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const FILES = Number(arg('files', 10000));
const CALLERS = Number(arg('callers', 0.01));
const JOBS = arg('jobs', undefined);
const KEEP = args.includes('--keep');

const runnerPath = path.join(__dirname, '..', 'dist', 'src', 'runner', 'runner.js');
if (!fs.existsSync(runnerPath)) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does it).');
  process.exit(2);
}
const { analyse } = require(runnerPath);

function plainFile(i) {
  return `import { helper${i % 7} } from '../lib/helpers';

export interface Row${i} { id: number; name: string; tags: string[] }

export function transform${i}(rows: Row${i}[]): Row${i}[] {
  return rows
    .filter((row) => row.id % ${(i % 5) + 2} === 0)
    .map((row) => ({ ...row, name: helper${i % 7}(row.name), tags: [...row.tags, 'v${i}'] }));
}

export const LIMIT_${i} = ${i * 3};
`.repeat(3);
}

function callerFile(i) {
  return `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function ask${i}(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: question }],
      }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(response.body));
  if (payload.stop_reason === 'max_tokens') console.warn('truncated');
  return payload.content[0].text;
}
`;
}

function generate(root) {
  const callerEvery = CALLERS > 0 ? Math.max(1, Math.round(1 / CALLERS)) : Infinity;
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, 'src', `pkg${Math.floor(i / 100)}`);
    if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true });
    const text = i % callerEvery === 0 ? callerFile(i) : plainFile(i);
    bytes += text.length;
    fs.writeFileSync(path.join(dir, `mod${i}.${i % 3 === 0 ? 'js' : 'ts'}`), text);
  }
  // Things the walk must not enter.
  fs.mkdirSync(path.join(root, 'node_modules', 'dep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'dep', 'index.js'), callerFile(0));
  return bytes;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-bench-'));
  const t0 = performance.now();
  const bytes = generate(root);
  const genMs = performance.now() - t0;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const result = await analyse({
    paths: [root],
    cwd: root,
    selection: {},
    options: {},
    jobs: JOBS ? Number(JOBS) : undefined,
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const by = (s) => result.files.filter((f) => f.status === s).length;
  const out = {
    files: result.files.length,
    megabytes: +(bytes / 1024 / 1024).toFixed(1),
    callers: Math.ceil(FILES * CALLERS),
    changed: by('changed'),
    unchanged: by('unchanged'),
    skipped: by('skipped'),
    failed: by('failed'),
    workers: result.usedWorkers,
    seconds: +(ms / 1000).toFixed(2),
    filesPerSecond: Math.round(result.files.length / (ms / 1000)),
    peakRssMB: Math.round(peak / 1024 / 1024),
    generateSeconds: +(genMs / 1000).toFixed(2),
  };
  console.log(`bench: ${out.files} files (${out.megabytes} MB, ~${out.callers} Bedrock callers) in ${out.seconds} s` +
    ` → ${out.filesPerSecond} files/s, peak RSS ${out.peakRssMB} MB, workers: ${out.workers ? 'yes' : 'no'}`);
  console.log(`       changed ${out.changed}, unchanged ${out.unchanged}, skipped ${out.skipped}, failed ${out.failed}`);
  console.log(JSON.stringify(out));
  if (KEEP) console.log(`tree kept in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
