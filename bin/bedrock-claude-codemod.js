#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('bedrock-claude-codemod: the compiled CLI is missing (dist/). Run `npm run build` first.\n');
  process.exit(2);
}
// A run that migrates files starts its first worker now, so that it loads the parsers and codemods while
// the CLI loads and reads its options (dist/src/runner/prestart.js); other commands, help and version never need one.
const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-'));
const noWork = ['detect', 'list', 'help'].includes(command) || args.some((a) => ['-h', '--help', '-V', '--version'].includes(a));
if (!noWork) require(path.join(__dirname, '..', 'dist', 'src', 'runner', 'prestart.js')).prestartWorker();
const { main } = require(entry);
// Output piped into `head` and the like: a closed pipe ends the run quietly, as other CLIs do.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bedrock-claude-codemod: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
