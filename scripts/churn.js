#!/usr/bin/env node
'use strict';
/**
 * Churn check: runs the migration in preview (nothing is written) over a directory and prints, per changed
 * file, how many lines changed and how many of them changed only in whitespace. A minimal diff has no
 * whitespace-only lines. Usage: npm run churn -- <dir> [--no-gitignore] [--codemods a,b] [--verbose]
 * Exits 1 when some line changed only in whitespace, 2 on a usage error.
 */
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist', 'src');
if (!fs.existsSync(path.join(dist, 'runner', 'runner.js'))) {
  console.error('churn: dist/ is missing; run `npm run build` first (npm run churn does it).');
  process.exit(2);
}
const { analyse, displayPath } = require(path.join(dist, 'runner', 'runner.js'));
const { whitespaceOnlyChanges } = require(path.join(dist, 'engine', 'churn.js'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--codemods');
if (dirs.length === 0) {
  console.error('usage: npm run churn -- <dir> [--no-gitignore] [--codemods a,b] [--verbose]');
  process.exit(2);
}

async function main() {
  const cwd = process.cwd();
  const codemods = value('codemods');
  const result = await analyse({
    paths: dirs.map((d) => path.resolve(d)),
    cwd,
    selection: codemods ? { only: codemods.split(',') } : {},
    options: {},
    gitignore: !flag('no-gitignore'),
  });
  let changed = 0;
  let whitespaceOnly = 0;
  let files = 0;
  for (const file of result.files) {
    if (file.status !== 'changed' || file.original === undefined || file.output === undefined) continue;
    const churn = whitespaceOnlyChanges(file.original, file.output, file.file);
    files++;
    changed += churn.changed;
    whitespaceOnly += churn.whitespaceOnly;
    const where = churn.lines.length ? `  (lines ${churn.lines.slice(0, 12).join(', ')}${churn.lines.length > 12 ? ', …' : ''})` : '';
    if (flag('verbose') || churn.whitespaceOnly > 0) console.log(`${displayPath(cwd, file.file)}: ${churn.changed} changed, ${churn.whitespaceOnly} whitespace-only${where}`);
  }
  const failed = result.files.filter((f) => f.status === 'failed').length;
  console.log(`churn: ${result.files.length} files, ${files} changed (${failed} failed): ${changed} changed lines, ${whitespaceOnly} whitespace-only`);
  process.exit(whitespaceOnly > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
