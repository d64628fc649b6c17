#!/usr/bin/env node
'use strict';
/**
 * Real code nobody here wrote: fetches the public corpus (../shared/corpus/fetch-public-corpus.sh), runs the
 * runner over it in preview, and writes docs/real-code.md — every InvokeModel-family call site with its outcome
 * (migrated / converted at a boundary / kept, with the reason / not Claude), the totals, and per file the lines
 * the migration changed against the lines whose only change is whitespace. It also runs the runner a second time
 * over its own output (a second run must change nothing), parses every output, and type-checks each changed
 * TypeScript file's output against its input (scripts/corpus/typecheck.js).
 *
 * Usage: npm run corpus [-- --dest DIR] [--out docs/real-code.md] [--no-fetch]
 * Needs the network (the npm registry) for the first fetch; not part of `npm test`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { diffArrays } = require('diff');
const { typeCheckChanged, describe } = require('./corpus/typecheck.js');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'src');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const DEST = path.resolve(arg('dest', path.join(os.tmpdir(), 'bedrock-claude-codemod-corpus')));
const OUT = path.resolve(ROOT, arg('out', 'docs/real-code.md'));
const FETCH = !args.includes('--no-fetch');
const SHARED = path.resolve(ROOT, '..', 'shared', 'corpus');

if (!fs.existsSync(path.join(DIST, 'runner', 'runner.js'))) {
  console.error('corpus: dist/ is missing; run `npm run build` first (npm run corpus does it).');
  process.exit(2);
}
const { analyse } = require(path.join(DIST, 'runner', 'runner.js'));
const { detect } = require(path.join(DIST, 'analysis', 'detect.js'));
const { CODEMODS } = require(path.join(DIST, 'codemods', 'registry.js'));
const { whitespaceOnlyChanges } = require(path.join(DIST, 'engine', 'churn.js'));

const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const INVOKE_FAMILY = new Set(['InvokeModel', 'InvokeModelWithResponseStream']);

function fetchCorpus() {
  const script = path.join(SHARED, 'fetch-public-corpus.sh');
  if (!fs.existsSync(script)) throw new Error(`corpus: ${script} not found (../shared must sit beside the project)`);
  execFileSync('bash', [script, DEST], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.cache' || entry.name === '.gitignore') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The package folder a corpus file belongs to, e.g. `@llamaindex+aws@0.0.121`. */
function packageOf(rel) {
  return rel.split(path.sep)[0];
}

function callSites(inventory) {
  return inventory.findings.filter((f) => f.kind === 'call' && f.api && INVOKE_FAMILY.has(f.api));
}

/** The trimmed source line a finding stands on: how a call site is recognised again in the output. */
function lineText(text, line) {
  return (text.split(/\r?\n/)[line - 1] ?? '').trim();
}

/** Runs the runner in preview over `files` (all absolute) with the given codemod options. */
async function run(files, options) {
  return analyse({ paths: files, cwd: DEST, selection: {}, options, jobs: 1, gitignore: false });
}

/**
 * The outcome of each InvokeModel-family call site of one file: it is gone from the output (migrated, or converted
 * at a boundary when the codemod says so), or it stays (kept with the marker above it, or not Claude).
 */
/** Maps a line of `before` to its line in `after`: the same line where it is unchanged, else where its hunk starts. */
function lineMap(before, after) {
  const map = [0];
  let out = 1;
  for (const part of diffArrays(before.split(/\r?\n/), after.split(/\r?\n/))) {
    if (part.added) out += part.value.length;
    else for (let i = 0; i < part.value.length; i++) map.push(part.removed ? out : out++);
  }
  return (line) => map[line] ?? line;
}

function outcomes(file, source, result, inputSites, outputSites) {
  const output = result && result.status === 'changed' ? result.output : source;
  const toOutput = lineMap(source, output);
  const remaining = outputSites.map((s) => ({ ...s, text: lineText(output, s.line), used: false }));
  const notes = result ? result.notes : [];
  const markers = result ? result.markers : [];
  return inputSites.map((site) => {
    const text = lineText(source, site.line);
    // The same text can stand on several lines (two `client.invokeModel({` calls): the nearest one is this site.
    const at = toOutput(site.line);
    const left = remaining
      .filter((r) => !r.used && r.api === site.api && r.text === text)
      .sort((a, b) => Math.abs(a.line - at) - Math.abs(b.line - at))[0];
    const row = { file, line: site.line, api: site.api, model: site.model };
    if (!left || left.line !== at) {
      const boundary = notes.find((n) => (n.kind === 'boundary' || /boundary|converted (from|back)|toConverse|toAnthropic/i.test(n.message)) && Math.abs((n.line ?? 0) - at) <= 40);
      return { ...row, outcome: boundary ? 'converted at a boundary' : 'migrated', reason: boundary ? boundary.message : '' };
    }
    left.used = true;
    // A gateway send routed at run time: the InvokeModel command stays as the path for the other model families.
    const gateway = notes.find((n) => n.kind === 'boundary' && n.line === left.line);
    if (gateway) return { ...row, outcome: 'converted at a boundary', reason: gateway.message };
    const marker = markers
      .filter((m) => m.line <= left.line && left.line - m.line <= 12 && /InvokeModel|converse|Converse|stream/i.test(m.message))
      .sort((a, b) => b.line - a.line)[0];
    if (marker) return { ...row, outcome: 'kept', reason: marker.message };
    if (/not claude/i.test(site.detail ?? '') || site.claude === false || site.family === 'not-claude') {
      return { ...row, outcome: 'not Claude', reason: site.detail ?? '' };
    }
    return { ...row, outcome: 'untouched, no marker', reason: site.detail ?? '' };
  });
}

function table(header, rows) {
  const esc = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

async function destination(files, sources, options, label) {
  const first = await run(files, options);
  const byFile = new Map(first.files.map((f) => [f.file, f]));
  const before = detect(files, { cwd: DEST, gitignore: false });

  // The outputs, laid out in a mirror tree, for the second run and the inventory of what is left.
  const mirror = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-out-'));
  const mirrored = files.map((file) => {
    const target = path.join(mirror, path.relative(DEST, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const r = byFile.get(file);
    fs.writeFileSync(target, r && r.status === 'changed' ? r.output : sources.get(file));
    return target;
  });
  const after = detect(mirrored, { cwd: mirror, gitignore: false });
  const second = await run(mirrored, options);
  fs.rmSync(mirror, { recursive: true, force: true });

  const sitesBefore = callSites(before);
  const sitesAfter = callSites(after);
  const rows = [];
  for (const file of files) {
    const target = path.join(mirror, path.relative(DEST, file));
    const inSites = sitesBefore.filter((s) => s.file === file);
    if (inSites.length === 0) continue;
    const outSites = sitesAfter.filter((s) => s.file === target);
    rows.push(...outcomes(file, sources.get(file), byFile.get(file), inSites, outSites));
  }
  const churn = [];
  for (const f of first.files) {
    if (f.status !== 'changed') continue;
    const c = whitespaceOnlyChanges(f.original, f.output, f.file);
    churn.push({ file: f.file, changed: c.changed, whitespaceOnly: c.whitespaceOnly });
  }
  return {
    label,
    rows,
    churn,
    failed: first.files.filter((f) => f.status === 'failed'),
    notIdempotent: second.files.filter((f) => f.status === 'changed').map((f) => path.relative(mirror, f.file)),
    secondFailed: second.files.filter((f) => f.status === 'failed'),
    types: typeCheckChanged(first.files, ROOT),
    changed: first.files.filter((f) => f.status === 'changed').length,
    markers: first.files.reduce((n, f) => n + f.markers.length, 0),
  };
}

/** The changed TS files whose output has errors its input did not have. */
function typeRegressions(d) {
  return d.types.filter((t) => t.fresh.length > 0);
}

function summarise(d) {
  const claude = d.rows.filter((r) => r.outcome !== 'not Claude');
  const done = claude.filter((r) => r.outcome === 'migrated' || r.outcome === 'converted at a boundary');
  const part = (api) => {
    const all = claude.filter((r) => r.api === api);
    const ok = all.filter((r) => r.outcome === 'migrated' || r.outcome === 'converted at a boundary');
    return `${ok.length} of ${all.length}`;
  };
  return { claude: claude.length, done: done.length, invoke: part('InvokeModel'), stream: part('InvokeModelWithResponseStream') };
}

function render(dests, files) {
  const rel = (f) => path.relative(DEST, f);
  const lines = [];
  lines.push('# Real code: the public corpus');
  lines.push('');
  lines.push('Generated by `npm run corpus` (scripts/corpus.js): it fetches the pinned npm packages of');
  lines.push('`../shared/corpus/packages.tsv` (third-party code, fetched at run time, never committed), runs the runner over');
  lines.push(`their ${files.length} source files in preview, and records what became of every InvokeModel-family call site. Do not edit`);
  lines.push('by hand: run it again.');
  lines.push('');
  lines.push('Outcomes: **migrated** (the call is on the new API, its request and response handling with it); **converted at a');
  lines.push('boundary** (migrated, with an explicit shape conversion where data enters or leaves code the run cannot rewrite);');
  lines.push('**kept** (left on InvokeModel with one marker, whose reason is quoted); **not Claude** (another model family:');
  lines.push('no change, no marker).');
  for (const d of dests) {
    const s = summarise(d);
    lines.push('');
    lines.push(`## Destination: ${d.label}`);
    lines.push('');
    lines.push(table(['measure', 'value'], [
      ['Claude call sites migrated or converted at a boundary', `${s.done} of ${s.claude}${s.claude ? ` (${Math.round((100 * s.done) / s.claude)}%)` : ''}`],
      ['— InvokeModel', s.invoke],
      ['— InvokeModelWithResponseStream', s.stream],
      ['non-Claude call sites (must stay untouched)', d.rows.filter((r) => r.outcome === 'not Claude').length],
      ['files changed', d.changed],
      ['markers left', d.markers],
      ['files that failed (crash or unparseable output)', d.failed.length],
      ['files a second run would change again', d.notIdempotent.length],
      ['TS files whose output has type errors its input did not', `${typeRegressions(d).length} of ${d.types.length} changed TS files`],
      ['lines changed / of which whitespace-only', `${d.churn.reduce((n, c) => n + c.changed, 0)} / ${d.churn.reduce((n, c) => n + c.whitespaceOnly, 0)}`],
    ]));
    lines.push('');
    lines.push('### Call sites');
    lines.push('');
    lines.push(table(['file:line', 'API', 'model', 'outcome', 'reason'], d.rows.map((r) => [`${rel(r.file)}:${r.line}`, r.api, r.model ?? '', r.outcome, r.reason])));
    if (d.failed.length || d.notIdempotent.length || d.secondFailed.length || typeRegressions(d).length) {
      lines.push('');
      lines.push('### Problems');
      lines.push('');
      for (const f of d.failed) lines.push(`- failed: ${rel(f.file)}: ${f.reason}`);
      for (const f of d.secondFailed) lines.push(`- failed on the second run: ${f.file}: ${f.reason}`);
      for (const f of d.notIdempotent) lines.push(`- a second run changes ${f} again`);
      for (const t of typeRegressions(d)) {
        lines.push(`- new type errors in the output of ${rel(t.file)} (${t.fresh.length}):`);
        for (const e of t.fresh.slice(0, 3)) lines.push(`  - ${describe(e)}`);
      }
    }
    lines.push('');
    lines.push('### Churn per changed file');
    lines.push('');
    lines.push(table(['file', 'lines changed', 'whitespace-only'], d.churn.map((c) => [rel(c.file), c.changed, c.whitespaceOnly])));
    lines.push('');
    lines.push('### Type check per changed TS file');
    lines.push('');
    lines.push('Input and output checked the same way (strict, in memory; the packages\' own dependencies are not installed, so');
    lines.push('inputs have errors too): an output error is new when its code and message are not among the input\'s.');
    lines.push('');
    lines.push(table(['file', 'errors in input', 'errors in output', 'new in output'], d.types.map((t) => [rel(t.file), t.inputErrors, t.outputErrors, t.fresh.length])));
  }
  lines.push('');
  return lines.join('\n');
}

async function main() {
  if (FETCH) fetchCorpus();
  if (!fs.existsSync(DEST)) throw new Error(`corpus: ${DEST} does not exist (run without --no-fetch)`);
  const files = listFiles(DEST);
  const sources = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const dests = [await destination(files, sources, {}, 'Converse (default)')];
  const apiOption = CODEMODS.flatMap((c) => c.options).find((o) => o.key === 'api');
  if (apiOption && (apiOption.choices ?? []).includes('messages')) {
    dests.push(await destination(files, sources, { api: 'messages' }, 'Messages API (`--api messages`)'));
  }
  fs.writeFileSync(OUT, render(dests, files));
  for (const d of dests) {
    const s = summarise(d);
    console.log(`${d.label}: ${s.done} of ${s.claude} Claude call sites migrated or converted (InvokeModel ${s.invoke}, stream ${s.stream}); ${d.failed.length} failed; ${d.notIdempotent.length} not idempotent; whitespace-only lines ${d.churn.reduce((n, c) => n + c.whitespaceOnly, 0)}; TS files with new type errors ${typeRegressions(d).length} of ${d.types.length}`);
  }
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
  const bad = dests.some((d) => d.failed.length || d.notIdempotent.length || d.secondFailed.length || typeRegressions(d).length);
  process.exitCode = bad ? 1 : 0;
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(2);
});
