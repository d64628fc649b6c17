#!/usr/bin/env node
'use strict';
/**
 * Where the runner's time goes: generates the bench tree, runs the runner once on it in one thread under
 * `node --cpu-prof`, and prints self time by package (or compiled file) and the inclusive time of the
 * functions that matter. The .cpuprofile is kept for Chrome DevTools / speedscope.
 * Usage: node bench/profile.js [--files N] [--jobs N] [--top N] [--out DIR]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { generateTree } = require('./lib/generate');

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const FILES = Number(value('files', 10000));
const TOP = Number(value('top', 25));
const OUT = path.resolve(value('out', fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-profile-'))));
const BIN = path.join(__dirname, '..', 'bin', 'bedrock-claude-codemod.js');

/** Self and inclusive time per function from a V8 .cpuprofile. */
function summarise(file) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map();
  prof.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...hits.values()].reduce((a, b) => a + b, 0);
  const where = (cf) => {
    const url = cf.url ?? '';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return pkg[1];
    if (url.includes('/dist/')) return url.split('/dist/')[1];
    if (url.startsWith('node:')) return url;
    return url ? path.basename(url) : `(${cf.functionName || 'native'})`;
  };
  const bySelf = new Map();
  const byInclusive = new Map();
  for (const [id, us] of hits) {
    bySelf.set(where(nodes.get(id).callFrame), (bySelf.get(where(nodes.get(id).callFrame)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = nodes.get(cur).callFrame;
      const key = `${cf.functionName || '(anonymous)'}  ${where(cf)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byInclusive.set(key, (byInclusive.get(key) ?? 0) + us);
    }
  }
  const rows = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  return { totalMs: total / 1000, self: rows(bySelf, TOP), inclusive: rows(byInclusive, TOP * 3) };
}

const tree = fs.mkdtempSync(path.join(os.tmpdir(), `bcc-profile-tree-${FILES}-`));
try {
  generateTree(tree, { files: FILES });
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', OUT, BIN, '.', '--jobs', value('jobs', '1')], {
    cwd: tree,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  if (run.status !== 0) throw new Error(`runner exited with ${run.status}`);
  const profile = fs.readdirSync(OUT).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(OUT, f)).sort().pop();
  const s = summarise(profile);
  console.log(`runner on ${FILES} files, one thread: ${s.totalMs.toFixed(0)} ms sampled; profile: ${profile}`);
  console.log('\nself time by package / compiled file:');
  console.log(s.self.join('\n'));
  console.log('\ninclusive time by function:');
  console.log(s.inclusive.filter((l) => !/node:internal|\(root\)|Module\./.test(l)).join('\n'));
} finally {
  fs.rmSync(tree, { recursive: true, force: true });
}
