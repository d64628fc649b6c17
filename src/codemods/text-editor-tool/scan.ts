import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { keyName, propertyNamed, stringValue, walk, type AnyNode } from './ast';
import { EDITOR_COMMANDS, EDITOR_TYPE_PATTERN, OLD_EDITOR_NAME, UNDO_COMMAND } from './facts';

/** What one look over the file found: the string literals, and whether it handles the text editor tool. */
export interface FileScan {
  /** Every string literal path (StringLiteral, Literal, plain template), in document order. */
  strings: ASTPath[];
  /** The file defines or tests a text editor tool type (`text_editor_YYYYMMDD`). */
  hasEditorType: boolean;
  /** The file mentions `str_replace_editor` as a whole string or an object key. */
  hasOldName: boolean;
  /** The file mentions `undo_edit` as a whole string or an object key. */
  hasUndo: boolean;
  /**
   * A custom tool (one with its own input schema) named `str_replace_editor`, or one that takes
   * `undo_edit`: the file's own tool, not Anthropic's text editor; its name and commands are left alone.
   */
  customTool?: AnyNode;
}

const SCHEMA_KEYS = new Set(['input_schema', 'inputSchema', 'toolSpec', 'parameters']);

export function scanFile(ctx: CodemodContext): FileScan {
  const { j, root } = ctx;
  const strings: ASTPath[] = [];
  let hasEditorType = false;
  let hasOldName = false;
  let hasUndo = false;
  const seeString = (path: ASTPath) => {
    const value = stringValue(path.node);
    if (value === undefined) return;
    strings.push(path);
    if (EDITOR_TYPE_PATTERN.test(value)) hasEditorType = true;
    else if (value === OLD_EDITOR_NAME) hasOldName = true;
    else if (value === UNDO_COMMAND) hasUndo = true;
  };
  // One walk for every kind of node the scan needs (a search per kind would walk the tree four times).
  j.types.visit(root.get(), {
    visitStringLiteral(path) {
      seeString(path as ASTPath);
      return false;
    },
    visitLiteral(path) {
      if ((path.node as AnyNode).type === 'Literal') seeString(path as ASTPath);
      this.traverse(path);
    },
    visitTemplateLiteral(path) {
      seeString(path as ASTPath);
      this.traverse(path);
    },
    visitIdentifier(path) {
      const name = (path.node as AnyNode).name;
      if (name === OLD_EDITOR_NAME) hasOldName = true;
      else if (name === UNDO_COMMAND) hasUndo = true;
      this.traverse(path);
    },
  });

  let customTool: AnyNode | undefined;
  if (hasOldName || hasUndo) {
    root.find(j.ObjectExpression).forEach((p) => {
      if (customTool) return;
      const obj = p.node as AnyNode;
      const schema = obj.properties.find((prop: AnyNode) => SCHEMA_KEYS.has(keyName(prop) ?? ''));
      if (!schema) return;
      const name = stringValue(propertyNamed(obj, 'name')?.value);
      if (name === OLD_EDITOR_NAME || (name !== undefined && mentionsUndoCommand(schema.value))) customTool = obj;
    });
  }
  return { strings, hasEditorType, hasOldName, hasUndo, customTool };
}

/** True when a schema lists `undo_edit` next to the other editor commands. */
function mentionsUndoCommand(node: AnyNode): boolean {
  const values = new Set<string>();
  walk(node, (n) => {
    const v = stringValue(n);
    if (v === UNDO_COMMAND || (v && EDITOR_COMMANDS.has(v))) values.add(v);
  });
  return values.has(UNDO_COMMAND) && values.size >= 2;
}
