import type { ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';

interface ViewInput {
  command: 'view';
  path: string;
  view_range?: [number, number];
}

interface CreateInput {
  command: 'create';
  path: string;
  file_text: string;
}

interface StrReplaceInput {
  command: 'str_replace';
  path: string;
  old_str: string;
  new_str?: string;
}

interface InsertInput {
  command: 'insert';
  path: string;
  insert_line: number;
  new_str: string;
}

interface UndoEditInput {
  command: 'undo_edit';
  path: string;
}

export type TextEditorInput = ViewInput | CreateInput | StrReplaceInput | InsertInput | UndoEditInput;

export function isEditorCall(block: ToolUseBlock): boolean {
  return block.name === 'str_replace_editor';
}

export function editorInput(block: ToolUseBlock): TextEditorInput {
  if (!isEditorCall(block)) throw new Error(`not an editor call: ${block.name}`);
  return block.input as TextEditorInput;
}

export function touchesDisk(input: TextEditorInput): boolean {
  return input.command !== 'view';
}
