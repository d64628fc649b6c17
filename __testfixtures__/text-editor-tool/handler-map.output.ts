import { readFile, writeFile } from 'node:fs/promises';

export type Command = 'view' | 'create' | 'str_replace' | 'insert';

export interface EditorCall {
  command: Command;
  path: string;
  file_text?: string;
  old_str?: string;
  new_str?: string;
  insert_line?: number;
}

type Handler = (call: EditorCall) => Promise<string>;

// TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
const lastContent = new Map<string, string>();

async function keep(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  lastContent.set(path, text);
  return text;
}

const handlers: Record<Command, Handler> = {
  view: async ({ path }) => readFile(path, 'utf8'),
  create: async ({ path, file_text }) => {
    await writeFile(path, file_text ?? '');
    return `created ${path}`;
  },
  str_replace: async ({ path, old_str, new_str }) => {
    const text = await keep(path);
    await writeFile(path, text.replace(old_str ?? '', new_str ?? ''));
    return `edited ${path}`;
  },
  insert: async ({ path, insert_line, new_str }) => {
    const lines = (await keep(path)).split('\n');
    lines.splice(insert_line ?? 0, 0, new_str ?? '');
    await writeFile(path, lines.join('\n'));
    return `inserted into ${path}`;
  },
};

export const readOnlyCommands = new Map<Command, boolean>([
  ['view', true],
  ['create', false],
  ['str_replace', false],
  ['insert', false],
]);

const auditLabels = new Map<Command, string>();
auditLabels.set('create', 'file created');
auditLabels.set('str_replace', 'text replaced');

export async function execute(call: EditorCall): Promise<string> {
  const result = await handlers[call.command](call);
  console.log(auditLabels.get(call.command) ?? call.command, call.path);
  return result;
}
