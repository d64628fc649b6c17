export const EDITOR_COMMANDS = Object.freeze(['view', 'create', 'str_replace', 'insert']);

export const MUTATING_COMMANDS = new Set(['create', 'str_replace', 'insert']);

export function assertCommand(command) {
  if (!EDITOR_COMMANDS.includes(command)) {
    throw new TypeError(`Unsupported text editor command "${command}"`);
  }
  return command;
}

export function needsLock(command) {
  return MUTATING_COMMANDS.has(assertCommand(command));
}
