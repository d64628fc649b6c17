import fs from 'node:fs/promises';

const backups = new Map();

async function snapshot(path) {
  backups.set(path, await fs.readFile(path, 'utf8'));
}

async function restoreSnapshot(path) {
  const saved = backups.get(path);
  if (saved === undefined) return 'nothing to undo';
  await fs.writeFile(path, saved);
  backups.delete(path);
  return 'restored';
}

/** Executes one str_replace_editor call from Claude. */
export async function runEditorCommand({ command, path, file_text, old_str, new_str }) {
  let result = '';
  switch (command) {
    case 'undo_edit':
      result = await restoreSnapshot(path);
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
    case 'undo_edit':
      result += ` (${path})`;
      break;
    default:
      throw new Error(`unknown command ${command}`);
  }
  return result;
}
