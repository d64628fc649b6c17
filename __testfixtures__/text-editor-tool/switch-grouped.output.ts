import { readFileSync, writeFileSync } from 'node:fs';

type Input = { command: string; path: string; file_text?: string; old_str?: string; new_str?: string };

function readOnly(input: Input): string {
  return readFileSync(input.path, 'utf8');
}

function write(input: Input): string {
  writeFileSync(input.path, input.file_text ?? '');
  return 'ok';
}

// Commands that change a file are logged before they run.
export function dispatch(input: Input, log: string[]): string {
  switch (input.command) {
    case 'view':
      return readOnly(input);
    case 'create':
    case 'insert':
      log.push(`${input.command} ${input.path}`);
      return write(input);
    case 'str_replace':
      log.push(`replace in ${input.path}`);
      return write(input);
    default:
      throw new Error(`unknown command ${input.command}`);
  }
}

// Labels before a shared body: undo_edit first in the group.
export function isMutation(command: string): boolean {
  switch (command) {
    case 'create':
    case 'str_replace':
    case 'insert':
      return true;
    case 'view':
      return false;
    default:
      return false;
  }
}
