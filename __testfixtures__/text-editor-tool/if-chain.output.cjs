'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = process.env.WORKSPACE || '/workspace';

function handleTextEditor(input) {
  const file = path.join(ROOT, input.path);
  if (input.command === 'view') {
    return fs.readFileSync(file, 'utf8');
  } else if (input.command === 'create') {
    fs.writeFileSync(file, input.file_text);
    return 'File created';
  } else if (input.command === 'str_replace' || input.command === 'insert') {
    const before = fs.readFileSync(file, 'utf8');
    const after =
      input.command === 'str_replace'
        ? before.replace(input.old_str, input.new_str)
        : before.split('\n').toSpliced(input.insert_line, 0, input.new_str).join('\n');
    fs.writeFileSync(file, after);
    return 'File edited';
  } else {
    return `Unknown command: ${input.command}`;
  }
}

function canModify(command) {
  return command === 'create' || command === 'str_replace' || command === 'insert';
}

function describe(input) {
  if (input.command === 'view') return `view ${input.path}`;
  return `${input.command} ${input.path}`;
}

module.exports = { handleTextEditor, canModify, describe };
