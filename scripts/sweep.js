#!/usr/bin/env node
'use strict';
/**
 * False positives at scale: copies every JavaScript/TypeScript file of the project's own installed
 * node_modules (real code, most of it with nothing to migrate) to a temp directory, runs the runner over it
 * as a user would (preview, `--json`), and compares what it would change with scripts/sweep-expected.json
 * (each expected change with its reason).
 *
 * Exits 1 on a change outside the list, an expected change that did not happen, a file the runner failed
 * on that the list does not name, a migrated output that does not parse, or a JSON document that does not
 * parse; prints files per second. Usage: node scripts/sweep.js [--node-modules DIR] [--keep] [--jobs N]
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SOURCE = path.resolve(arg('node-modules', path.join(ROOT, 'node_modules')));
const KEEP = args.includes('--keep');
const JOBS = arg('jobs', undefined);
const EXPECTED_FILE = path.join(__dirname, 'sweep-expected.json');

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Directory names the runner never walks: renamed in the copy, so every package file is read. */
const NOT_WALKED = new Set(['node_modules', 'bower_components', 'jspm_packages', 'dist', 'build', 'out', 'coverage', 'cdk.out', 'storybook-static']);

const enginePath = path.join(ROOT, 'dist', 'src', 'engine', 'parse.js');
if (!fs.existsSync(enginePath)) {
  console.error('sweep: dist/ is missing; run `npm run build` first (npm run sweep does it).');
  process.exit(2);
}
const { jscodeshiftFor, parserFor, parseSource } = require(enginePath);
const { applyPatch } = require('diff');

/** Copies the script files under `from` to `to`, renaming directories the runner would skip. Returns the count. */
function copyScripts(from, to) {
  let n = 0;
  const seen = new Set();
  const walk = (dir, out) => {
    let real;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = entry.name;
      const src = path.join(dir, name);
      let stat;
      try {
        stat = fs.statSync(src);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        const renamed = NOT_WALKED.has(name) || name.startsWith('.') ? `_${name.replace(/^\./, 'dot-')}` : name;
        walk(src, path.join(out, renamed));
      } else if (stat.isFile() && SCRIPT.test(name)) {
        fs.mkdirSync(out, { recursive: true });
        fs.copyFileSync(src, path.join(out, name));
        n++;
      }
    }
  };
  walk(from, to);
  return n;
}

function main() {
  const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-sweep-'));
  const tree = path.join(tmp, 'packages');
  const copied = copyScripts(SOURCE, tree);
  console.log(`sweep: ${copied} JavaScript/TypeScript files copied from ${SOURCE}`);

  const started = Date.now();
  const cli = [path.join(ROOT, 'bin', 'bedrock-claude-codemod.js'), 'packages', '--json', '--no-gitignore', '--no-config', '--no-color'];
  if (JOBS) cli.push('--jobs', JOBS);
  const run = spawnSync(process.execPath, cli, { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: '1' } });
  const seconds = (Date.now() - started) / 1000;

  const problems = [];
  let doc;
  try {
    doc = JSON.parse(run.stdout);
  } catch (error) {
    problems.push(`the --json output does not parse (exit ${run.status}): ${error.message}\n${run.stderr.slice(0, 2000)}`);
  }
  if (doc) {
    const relative = (p) => p.replace(/^packages\//, '');
    const want = new Map(expected.changes.map((c) => [c.path, c]));
    const failuresAllowed = new Map((expected.failures ?? []).map((c) => [c.path, c]));
    const seen = new Set();
    for (const f of doc.files) {
      const rel = relative(f.path);
      if (f.status === 'failed') {
        if (!failuresAllowed.has(rel)) problems.push(`failed: ${rel}: ${f.error ? f.error.message : f.reason}`);
        continue;
      }
      if (f.status !== 'changed') continue;
      seen.add(rel);
      const entry = want.get(rel);
      if (!entry) {
        problems.push(`unexpected change: ${rel} (by ${f.changedBy.join(', ')})\n${f.diff}`);
        continue;
      }
      const by = [...f.changedBy].sort().join(',');
      if (by !== [...entry.codemods].sort().join(',')) problems.push(`${rel}: changed by ${by}, expected ${entry.codemods.join(', ')}`);
      // The migrated text must parse: rebuild it from the diff and parse it with the same parser.
      const file = path.join(tmp, f.path);
      const output = applyPatch(fs.readFileSync(file, 'utf8'), f.diff);
      if (output === false) problems.push(`${rel}: the diff does not apply to the file`);
      else {
        const parser = parserFor(file);
        try {
          if (parser) parseSource(jscodeshiftFor(parser), output, file);
        } catch (error) {
          problems.push(`${rel}: the migrated output does not parse: ${error.message}`);
        }
      }
    }
    for (const entry of expected.changes) if (!seen.has(entry.path)) problems.push(`expected change did not happen: ${entry.path} (${entry.reason})`);
    const s = doc.summary;
    console.log(
      `sweep: ${s.files} files read in ${seconds.toFixed(1)} s (${Math.round(s.files / seconds)} files/s): ` +
        `${s.changed} changed (${expected.changes.length} expected), ${s.failed} failed, ${s.markers} markers`,
    );
  }
  if (KEEP) console.log(`sweep: tree kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  if (problems.length) {
    console.error(`\nsweep: ${problems.length} problem(s):\n`);
    for (const p of problems) console.error(`- ${p}\n`);
    process.exit(1);
  }
  console.log('sweep: no change outside the expected list, no crash, every output parses');
}

main();
