#!/usr/bin/env node
'use strict';
/**
 * The floor the runner is compared with: a plain Node script that walks the tree (skipping the directories
 * the runner skips), reads every file the runner considers once, and tests the pre-filter's words with a
 * regular expression. Usage: node bench/floor.js <dir>; prints {"files":N,"bytes":B,"matches":M}.
 */
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist', 'src', 'runner', 'discover.js');
const { EXCLUDED_DIRS, fileKind } = require(dist);

const WORDS = /anthropic\.claude|claude-|InvokeModel|invokeModel|text_editor_|str_replace_editor|stop_reason|stopReason|client-bedrock-runtime|bedrock-sdk/;

let files = 0;
let bytes = 0;
let matches = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !EXCLUDED_DIRS.has(entry.name)) walk(full);
    } else if (entry.isFile() && fileKind(full) !== null) {
      const text = fs.readFileSync(full, 'utf8');
      files++;
      bytes += text.length;
      if (WORDS.test(text)) matches++;
    }
  }
}

walk(path.resolve(process.argv[2] ?? '.'));
process.stdout.write(`${JSON.stringify({ files, bytes, matches })}\n`);
