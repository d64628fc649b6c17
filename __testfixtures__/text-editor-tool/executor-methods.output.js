import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const COMMANDS = ['view', 'create', 'str_replace', 'insert'];

/**
 * Executes Claude's text editor tool calls. Each command is a method of the same name,
 * so a tool_use block is dispatched with `editor[block.input.command](block.input)`.
 */
export class EditorTool {
  constructor(root) {
    this.root = root;
    // TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
    this.history = new Map();
  }

  async run(input) {
    if (!COMMANDS.includes(input.command)) {
      throw new Error(`Unknown command ${input.command}`);
    }
    return this[input.command](input);
  }

  async view({ path }) {
    return readFile(resolve(this.root, path), 'utf8');
  }

  async create({ path, file_text }) {
    await writeFile(resolve(this.root, path), file_text);
    return `File created successfully at: ${path}`;
  }

  async str_replace({ path, old_str, new_str }) {
    const file = resolve(this.root, path);
    const text = await readFile(file, 'utf8');
    this.#push(file, text);
    await writeFile(file, text.replace(old_str, new_str ?? ''));
    return `The file ${path} has been edited.`;
  }

  async insert({ path, insert_line, new_str }) {
    const file = resolve(this.root, path);
    const text = await readFile(file, 'utf8');
    this.#push(file, text);
    const lines = text.split('\n');
    lines.splice(insert_line, 0, new_str);
    await writeFile(file, lines.join('\n'));
    return `The file ${path} has been edited.`;
  }

  #push(file, text) {
    const stack = this.history.get(file) ?? [];
    stack.push(text);
    this.history.set(file, stack);
  }
}

export const editorToolDefinition = { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' };
