import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The text editor tool as the model sees it (Claude 3.7 era). */
export const EDITOR_TOOL = { type: 'text_editor_20250124', name: 'str_replace_editor' } as const;

type EditorCommand = 'view' | 'create' | 'str_replace' | 'insert' | 'undo_edit';

interface EditorInput {
  command: EditorCommand;
  path: string;
  file_text?: string;
  old_str?: string;
  new_str?: string;
  insert_line?: number;
}

const history = new Map<string, string[]>();

/** Runs one text editor tool call inside `root` and returns the tool_result text. */
export async function runEditorTool(root: string, name: string, input: EditorInput): Promise<string> {
  if (name !== 'str_replace_editor') throw new Error(`unknown tool ${name}`);
  const file = path.resolve(root, input.path);
  switch (input.command) {
    case 'view':
      return fs.readFile(file, 'utf8');
    case 'create':
      await fs.writeFile(file, input.file_text ?? '');
      return `created ${input.path}`;
    case 'str_replace': {
      const before = await fs.readFile(file, 'utf8');
      history.set(file, [...(history.get(file) ?? []), before]);
      await fs.writeFile(file, before.replace(input.old_str ?? '', input.new_str ?? ''));
      return 'ok';
    }
    case 'insert': {
      const lines = (await fs.readFile(file, 'utf8')).split('\n');
      lines.splice(input.insert_line ?? 0, 0, input.new_str ?? '');
      await fs.writeFile(file, lines.join('\n'));
      return 'ok';
    }
    case 'undo_edit': {
      const previous = history.get(file)?.pop();
      if (previous === undefined) return 'nothing to undo';
      await fs.writeFile(file, previous);
      return 'undone';
    }
  }
}
