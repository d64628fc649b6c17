#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: the runner against stock jscodeshift and against the cost of reading every file.
 *
 * On a generated repository-like tree (bench/lib/generate.js), each as a child process, medians of several runs:
 *   (1) the runner: `bin/bedrock-claude-codemod.js .`, preview, all codemods;
 *   (2) the jscodeshift door: `jscodeshift -t transforms/<name>.ts` for each codemod in manifest order (--dry);
 *   (3) the floor: bench/floor.js walks the tree and reads every file the runner considers, once;
 *   (4) the peak RSS of (1);
 * and the runner's scaling over the tree sizes. Prints the ratios (2)/(1) and (1)/(3) and writes bench/results.json.
 *
 * Options: --files N (main size, default 10000) · --sizes a,b (scaling sizes, default 1000,10000) ·
 * --full (adds 50000 to the sizes) · --reps N (runner and floor, default 5) · --jsc-reps N (default 3) ·
 * --jobs N (runner --jobs) · --no-jscodeshift · --out FILE · --keep (keep the trees) ·
 * --quick (1,000 files, 1–2 runs, no scaling, writes nothing unless --out; exits 1 when a check fails).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { generateTree } = require('./lib/generate');
const { measure, repeat, summarise, hasGnuTime } = require('./lib/measure');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'bedrock-claude-codemod.js');
const JSCODESHIFT = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const FLOOR = path.join(__dirname, 'floor.js');
const REGISTRY = path.join(ROOT, 'dist', 'src', 'codemods', 'registry.js');
const EXTENSIONS = 'ts,tsx,js,jsx,mjs,cjs';
const TARGETS = { jscodeshiftOverRunner: 10, runnerOverFloor: 5, peakRssMB: 400 };

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const QUICK = flag('quick');
const FILES = Number(value('files', QUICK ? 1000 : 10000));
const SIZES = QUICK
  ? [FILES]
  : [...new Set([...value('sizes', '1000,10000').split(',').map(Number), FILES, ...(flag('full') ? [50000] : [])])].sort((a, b) => a - b);
const REPS = Number(value('reps', QUICK ? 2 : 5));
const JSC_REPS = Number(value('jsc-reps', QUICK ? 1 : 3));
const JOBS = value('jobs', undefined);
const OUT = value('out', QUICK ? null : path.join(__dirname, 'results.json'));

if (!fs.existsSync(REGISTRY)) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does it).');
  process.exit(2);
}
const { CODEMOD_NAMES } = require(REGISTRY);
const node = process.execPath;
const problems = [];

function runner(tree, extra = [], keepStdout = false) {
  const r = measure(node, [BIN, '.', ...(JOBS ? ['--jobs', JOBS] : []), ...extra], { cwd: tree, node: true, keepStdout });
  if (r.status !== 0) throw new Error(`runner exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

function floor(tree) {
  const r = measure(node, [FLOOR, tree], { cwd: tree, node: true, keepStdout: true });
  if (r.status !== 0) throw new Error(`floor script exited with ${r.status}: ${r.stderr}`);
  return { ...r, result: JSON.parse(r.stdout) };
}

function jscodeshift(tree, name) {
  const r = measure(node, [
    JSCODESHIFT, '-t', path.join(ROOT, 'transforms', `${name}.ts`), `--extensions=${EXTENSIONS}`,
    '--ignore-pattern=**/node_modules/**', '--ignore-pattern=**/dist/**', '--dry', '.',
  ], { cwd: tree, node: true, keepStdout: true });
  if (r.status !== 0) throw new Error(`jscodeshift ${name} exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return r;
}

/** The warm-up run: the runner's JSON checked against what the generator knows must (not) change. */
function check(tree, expectedChanged, floorFiles) {
  const out = JSON.parse(runner(tree, ['--json'], true).stdout);
  const files = out.files ?? [];
  // The JSON names files relative to the directory the runner ran in (the tree), with forward slashes.
  const rel = (f) => {
    const name = f.file ?? f.path ?? '';
    return (path.isAbsolute(name) ? path.relative(tree, name) : name).split(path.sep).join('/');
  };
  const changed = new Set(files.filter((f) => f.status === 'changed').map(rel));
  const failed = files.filter((f) => f.status === 'failed').map(rel);
  const missed = expectedChanged.filter((f) => !changed.has(f));
  const unexpected = [...changed].filter((f) => !expectedChanged.includes(f));
  if (failed.length) problems.push(`${failed.length} file(s) failed: ${failed.slice(0, 5).join(', ')}`);
  if (missed.length) problems.push(`${missed.length} Bedrock file(s) not changed: ${missed.slice(0, 5).join(', ')}`);
  if (unexpected.length) problems.push(`${unexpected.length} other file(s) changed: ${unexpected.slice(0, 5).join(', ')}`);
  if (files.length !== floorFiles) problems.push(`runner saw ${files.length} files, the floor script read ${floorFiles}`);
  return { files: files.length, changed: changed.size, failed: failed.length, missed: missed.length, unexpected: unexpected.length };
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

const s = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 10) / 10 : null);

function benchSize(files, main) {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), `bcc-bench-${files}-`));
  try {
    const t0 = Date.now();
    const { stats, expectedChanged } = generateTree(tree, { files });
    log(`\n${files} files: generated in ${s(Date.now() - t0)} (${(stats.bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${stats.callers} Bedrock files, ${stats.decoys} decoys) in ${tree}`);
    const floorWarm = floor(tree);
    const checked = check(tree, expectedChanged, floorWarm.result.files);
    log(`  check: ${checked.changed} changed (${expectedChanged.length} expected), ${checked.failed} failed, ` +
      `${checked.unexpected} unexpected`);
    // The runner's runs and the floor's alternate, so that both medians come from the same stretch of
    // time: a machine whose speed drifts from one minute to the next moves both alike.
    const runs = [];
    const floors = [];
    for (let i = 0; i < REPS; i++) {
      const r = runner(tree);
      const f = floor(tree);
      log(`  runner #${i + 1}: ${s(r.wallMs)} wall, ${s(r.cpuMs)} CPU, ${Math.round(r.maxRssMB ?? 0)} MB · floor ${s(f.wallMs)}`);
      runs.push(r);
      floors.push(f);
    }
    const run = summarise(runs);
    const fl = summarise(floors);
    log(`  floor: ${s(fl.wallMs)} (median of ${REPS})`);
    const entry = { files, tree: stats, check: checked, runner: run, floor: fl };
    if (main && !flag('no-jscodeshift')) {
      jscodeshift(tree, CODEMOD_NAMES[0]); // warm-up: page cache and babel's compile cache
      entry.jscodeshift = repeat(JSC_REPS, (i) => {
        const per = CODEMOD_NAMES.map((name) => ({ name, ...jscodeshift(tree, name) }));
        const sum = (k) => per.reduce((acc, p) => (acc === null || p[k] === null ? null : acc + p[k]), 0);
        log(`  jscodeshift #${i + 1}: ${s(sum('wallMs'))} wall (${per.map((p) => `${p.name} ${s(p.wallMs)}`).join(', ')})`);
        return { wallMs: sum('wallMs'), cpuMs: sum('cpuMs'), maxRssMB: Math.max(...per.map((p) => p.maxRssMB ?? 0)) };
      });
    }
    return entry;
  } finally {
    if (flag('keep')) log(`  tree kept in ${tree}`);
    else fs.rmSync(tree, { recursive: true, force: true });
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemGB: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    timer: hasGnuTime() ? 'GNU time' : 'wall clock + process.resourceUsage()',
  };
}

function main() {
  const started = Date.now();
  const before = machine();
  log(`bench: sizes ${SIZES.join(', ')}; main size ${FILES}; ${REPS} runner runs, ${JSC_REPS} jscodeshift runs; ` +
    `${before.cpus} CPUs, load ${before.loadavg.join(' ')}`);
  const sizes = SIZES.map((n) => benchSize(n, n === FILES));
  const main = sizes.find((x) => x.files === FILES);
  const scaling = sizes.map((x) => ({
    files: x.files,
    runnerWallMs: x.runner.wallMs,
    runnerCpuMs: x.runner.cpuMs,
    usPerFile: Math.round((x.runner.wallMs * 1000) / x.files),
    usPerFileCpu: x.runner.cpuMs === null ? null : Math.round((x.runner.cpuMs * 1000) / x.files),
    floorWallMs: x.floor.wallMs,
    maxRssMB: x.runner.maxRssMB,
  }));
  const perFile = scaling.map((x) => x.usPerFile);
  const ratios = {
    jscodeshiftOverRunner: ratio(main.jscodeshift?.wallMs, main.runner.wallMs),
    runnerOverFloor: ratio(main.runner.wallMs, main.floor.wallMs),
    jscodeshiftOverRunnerCpu: ratio(main.jscodeshift?.cpuMs, main.runner.cpuMs),
    runnerOverFloorCpu: ratio(main.runner.cpuMs, main.floor.cpuMs),
    // Time per file at the largest size over the time per file at the smallest: 1 is perfectly linear.
    scalingPerFile: scaling.length > 1 ? ratio(perFile[perFile.length - 1], perFile[0]) : null,
    scalingPerFileCpu: scaling.length > 1 ? ratio(scaling[scaling.length - 1].usPerFileCpu, scaling[0].usPerFileCpu) : null,
  };
  const targets = {
    jscodeshiftOverRunner: { target: `≥ ${TARGETS.jscodeshiftOverRunner}`, met: ratios.jscodeshiftOverRunner === null ? null : ratios.jscodeshiftOverRunner >= TARGETS.jscodeshiftOverRunner },
    runnerOverFloor: { target: `≤ ${TARGETS.runnerOverFloor}`, met: ratios.runnerOverFloor <= TARGETS.runnerOverFloor },
    peakRssMB: { target: `< ${TARGETS.peakRssMB}`, met: Math.max(...scaling.map((x) => x.maxRssMB ?? 0)) < TARGETS.peakRssMB },
  };
  const result = {
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: { ...before, loadavgAfter: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    settings: { files: FILES, sizes: SIZES, reps: REPS, jscodeshiftReps: JSC_REPS, jobs: JOBS ?? 'default', quick: QUICK },
    commands: {
      runner: 'node bin/bedrock-claude-codemod.js .   (preview, all codemods, in the tree)',
      jscodeshift: CODEMOD_NAMES.map((n) => `jscodeshift -t transforms/${n}.ts --extensions=${EXTENSIONS} --ignore-pattern=**/node_modules/** --ignore-pattern=**/dist/** --dry .`),
      floor: 'node bench/floor.js .   (walk, read every file the runner considers, test a regex)',
    },
    ratios,
    targets,
    main,
    scaling,
    problems,
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  print(result);
  if (OUT) {
    fs.writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    log(`\nwritten to ${path.relative(process.cwd(), OUT) || OUT}`);
  }
  if (QUICK && problems.length) process.exitCode = 1;
}

function print(r) {
  const m = r.main;
  const lines = [
    '',
    `tree: ${m.files} files, ${(m.tree.bytes / 1024 / 1024).toFixed(1)} MB, ${m.tree.callers} Bedrock files; medians; ${r.machine.cpus} CPUs`,
    `(1) runner, preview, all codemods   ${s(m.runner.wallMs).padStart(9)} wall  ${s(m.runner.cpuMs).padStart(9)} CPU`,
    `(2) jscodeshift, one per codemod    ${s(m.jscodeshift?.wallMs ?? null).padStart(9)} wall  ${s(m.jscodeshift?.cpuMs ?? null).padStart(9)} CPU`,
    `(3) floor: read every file once     ${s(m.floor.wallMs).padStart(9)} wall  ${s(m.floor.cpuMs).padStart(9)} CPU`,
    `(4) runner peak RSS                 ${String(m.runner.maxRssMB).padStart(6)} MB`,
    `(2)/(1) = ${r.ratios.jscodeshiftOverRunner ?? '–'} (target ${r.targets.jscodeshiftOverRunner.target})   ` +
      `(1)/(3) = ${r.ratios.runnerOverFloor} (target ${r.targets.runnerOverFloor.target})   ` +
      `CPU: ${r.ratios.jscodeshiftOverRunnerCpu ?? '–'} and ${r.ratios.runnerOverFloorCpu ?? '–'}`,
    'scaling of (1):',
    ...r.scaling.map((x) => `  ${String(x.files).padStart(6)} files  ${s(x.runnerWallMs).padStart(9)}  ${String(x.usPerFile).padStart(5)} µs/file` +
      `  (CPU ${String(x.usPerFileCpu ?? '–').padStart(5)} µs/file)  ${x.maxRssMB} MB`),
    r.ratios.scalingPerFile === null ? '' : `  per-file time, largest size / smallest: ${r.ratios.scalingPerFile} wall, ${r.ratios.scalingPerFileCpu ?? '–'} CPU (1 = linear)`,
    r.problems.length ? `problems:\n  ${r.problems.join('\n  ')}` : 'checks: every Bedrock file changed, nothing else changed, no failures',
  ];
  console.log(lines.join('\n'));
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

main();
