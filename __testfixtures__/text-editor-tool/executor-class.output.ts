import { promises as fs } from 'node:fs';
import path from 'node:path';

export type EditorCommand = 'view' | 'create' | 'str_replace' | 'insert';

export interface EditorInput {
  command: EditorCommand;
  path: string;
  file_text?: string;
  old_str?: string;
  new_str?: string;
  insert_line?: number;
  view_range?: [number, number];
}

/**
 * Runs the commands of Claude's text editor tool inside a workspace directory.
 */
export class TextEditorTool {
  // TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
  private readonly fileHistory = new Map<string, string[]>();

  constructor(private readonly workspace: string) {}

  async run(input: EditorInput): Promise<string> {
    const target = this.resolve(input.path);
    switch (input.command) {
      case 'view':
        return this.view(target, input.view_range);
      case 'create':
        return this.create(target, input.file_text ?? '');
      case 'str_replace':
        return this.strReplace(target, input.old_str ?? '', input.new_str ?? '');
      case 'insert':
        return this.insert(target, input.insert_line ?? 0, input.new_str ?? '');
      default:
        throw new Error(`Unknown command: ${String(input.command)}`);
    }
  }

  private resolve(file: string): string {
    const full = path.resolve(this.workspace, file);
    if (!full.startsWith(this.workspace)) throw new Error(`Path outside the workspace: ${file}`);
    return full;
  }

  private async view(file: string, range?: [number, number]): Promise<string> {
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    const [start, end] = range ?? [1, lines.length];
    return lines
      .slice(start - 1, end === -1 ? undefined : end)
      .map((line, i) => `${start + i}\t${line}`)
      .join('\n');
  }

  private async create(file: string, text: string): Promise<string> {
    await this.remember(file);
    await fs.writeFile(file, text, 'utf8');
    return `Created ${file}`;
  }

  private async strReplace(file: string, oldStr: string, newStr: string): Promise<string> {
    const content = await fs.readFile(file, 'utf8');
    const count = content.split(oldStr).length - 1;
    if (count !== 1) throw new Error(`old_str must appear exactly once, found ${count}`);
    await this.remember(file);
    await fs.writeFile(file, content.replace(oldStr, newStr), 'utf8');
    return `Edited ${file}`;
  }

  private async insert(file: string, line: number, text: string): Promise<string> {
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    await this.remember(file);
    lines.splice(line, 0, ...text.split('\n'));
    await fs.writeFile(file, lines.join('\n'), 'utf8');
    return `Inserted at line ${line} of ${file}`;
  }

  private async remember(file: string): Promise<void> {
    const current = await fs.readFile(file, 'utf8').catch(() => '');
    const stack = this.fileHistory.get(file) ?? [];
    stack.push(current);
    this.fileHistory.set(file, stack);
  }
}
