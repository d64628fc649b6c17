import fs from 'node:fs/promises';

// TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
const backups = new Map();

async function snapshot(path) {
  backups.set(path, await fs.readFile(path, 'utf8'));
}

/** Executes one str_replace_editor call from Claude. */
export async function runEditorCommand({ command, path, file_text, old_str, new_str }) {
  let result = '';
  switch (command) {
    // falls through: report the file as it is now
    case 'view':
      result += await fs.readFile(path, 'utf8');
      break;
    case 'create':
      await fs.writeFile(path, file_text);
      result = 'created';
      break;
    case 'str_replace': {
      await snapshot(path);
      const text = await fs.readFile(path, 'utf8');
      await fs.writeFile(path, text.replace(old_str, new_str));
      result = 'replaced';
      break;
    }
    case 'insert':
      await snapshot(path);
      result = 'inserted';
      result += ` (${path})`;
      break;
    default:
      throw new Error(`unknown command ${command}`);
  }
  return result;
}
