import * as fs from 'node:fs';

export enum EditorCommand {
  View = 'view',
  Create = 'create',
  StrReplace = 'str_replace',
  Insert = 'insert',
  UndoEdit = 'undo_edit',
}

export interface EditorRequest {
  command: EditorCommand;
  path: string;
  file_text?: string;
}

export class WorkspaceEditor {
  #history: string[] = [];

  handle(request: EditorRequest): string {
    switch (request.command) {
      case EditorCommand.View:
        return fs.readFileSync(request.path, 'utf8');
      case EditorCommand.Create:
        this.#history.push(request.path);
        fs.writeFileSync(request.path, request.file_text ?? '');
        return 'created';
      case EditorCommand.UndoEdit:
        return this.#undo();
      default:
        return `unsupported: ${request.command}`;
    }
  }

  #undo(): string {
    const last = this.#history.pop();
    if (!last) return 'nothing to undo';
    fs.rmSync(last);
    return `removed ${last}`;
  }
}
