import * as fs from 'node:fs';

export enum EditorCommand {
  View = 'view',
  Create = 'create',
  StrReplace = 'str_replace',
  Insert = 'insert',
}

export interface EditorRequest {
  command: EditorCommand;
  path: string;
  file_text?: string;
}

export class WorkspaceEditor {
  // TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
  #history: string[] = [];

  handle(request: EditorRequest): string {
    switch (request.command) {
      case EditorCommand.View:
        return fs.readFileSync(request.path, 'utf8');
      case EditorCommand.Create:
        this.#history.push(request.path);
        fs.writeFileSync(request.path, request.file_text ?? '');
        return 'created';
      default:
        return `unsupported: ${request.command}`;
    }
  }
}
