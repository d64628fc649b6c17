import type { ASTPath } from 'jscodeshift';
import type { Codemod, CodemodContext } from '../../engine/types';
import { stringValue } from './ast';
import { updateBetaFlags } from './beta-flags';
import { parseClaudeModel } from './computer-version';
import { COMPUTER_SDK_TYPES, DEFAULT_COMPUTER, NEW_EDITOR_TYPE, OLD_EDITOR_TYPES, SDK_TYPE_RENAMES, type ComputerVersion } from './facts';
import { markReplayedHistories } from './history';
import { Bindings } from './requests';
import { scanFile, type FileScan } from './scan';
import { renameSdkTypes } from './sdk-types';
import { renameToolName } from './tool-name';
import { computerVersionsIn, migrateToolTypes, toolObjectsBelow } from './tool-types';
import { removeUnusedUndoCode } from './undo-cleanup';
import { markRemainingUndo, removeUndoEdit } from './undo-edit';

/**
 * The computer tool version given to `computer_20241022` when the request's model is not known:
 * option `computerTool` (`computer_20251124`, the default, or `computer_20250124`).
 */
function computerDefault(ctx: CodemodContext): ComputerVersion {
  const chosen = ctx.options.computerTool;
  return chosen === 'computer_20250124' || chosen === 'computer_20251124' ? chosen : DEFAULT_COMPUTER;
}

/**
 * Text editor tool → text_editor_20250728 / str_replace_based_edit_tool (reference §6a), the way
 * Anthropic's migration guide says: new type and name, dispatch on the new name, no undo_edit.
 * Companion bash and computer tools and the beta flags move with it (§6b, §6c, §8).
 */
const codemod: Codemod = {
  name: 'text-editor-tool',
  run(ctx: CodemodContext): boolean {
    const { j, root } = ctx;

    // 1. Look once: does this file handle the text editor tool at all?
    let scan = scanFile(ctx);
    if (!scan.hasEditorType && !scan.hasOldName && !scan.hasUndo) return false;
    // A file that only declares the tools' types (an SDK's `interface … { type: 'text_editor_20250124' }`)
    // holds data about tool versions, not a request: it is left as it is, and the report says so.
    const declared = typeDeclarationsOnly(scan);
    if (declared.length > 0) {
      const names = [...new Set(declared.map((p) => stringValue(p.node)!))].sort();
      ctx.note(`declares the types of tool versions (${names.join(', ')}) and defines no tool: type declarations are data, left as they are`, declared[0], 'left-alone');
      return false;
    }
    // Code that supports several versions of the tool side by side (an SDK's dispatch on the tool version:
    // `case 'text_editor_20250124': … case 'text_editor_20250728': …`) keeps every version it supports.
    const versions = sideBySideVersions(scan);
    if (versions.length > 0) {
      ctx.note(`handles several text editor versions side by side (${versions.join(', ')}): left as it is`, scan.strings[0], 'left-alone');
      return false;
    }
    let changed = false;

    // 2. undo_edit leaves every list and branch (first, while the lists are as they were written),
    //    then the undo code only it used; what cannot go is marked.
    if (scan.hasUndo && !scan.customTool) {
      const undo = removeUndoEdit(ctx, scan.hasEditorType || scan.hasOldName);
      changed = undo.changed || changed;
      if (undo.removed.length > 0) changed = removeUnusedUndoCode(ctx, undo.removed) || changed;
      if (undo.evidence) markRemainingUndo(ctx);
      if (undo.changed) scan = { ...scan, strings: scanFile(ctx).strings };
    } else if (scan.hasUndo) {
      ctx.note('undo_edit belongs to a custom tool defined in this file (it has its own input schema): left as it is', scan.customTool);
    }

    const bindings = new Bindings(j, root);
    const fileModels = scan.strings
      .map((p) => stringValue(p.node)!)
      .filter((s) => /claude/.test(s) && parseClaudeModel(s) !== undefined);

    // 3. Tool definitions: text editor, bash and computer types (and the editor's name).
    let renamed = scan.hasEditorType && migrateToolTypes(ctx, scan.strings, bindings, fileModels, computerDefault(ctx)).changed;

    // 4. Dispatch on the tool name, constants and recorded tool_use blocks follow the rename.
    if (scan.hasOldName) renamed = renameToolName(ctx, scan) || renamed;
    changed = renamed || changed;

    // 5. Beta flags and SDK types follow the tool versions of the file.
    if (scan.hasEditorType) {
      changed = updateBetaFlags(ctx, bindings) || changed;
      const renames: Record<string, string> = { ...SDK_TYPE_RENAMES };
      const computers = computerVersionsIn(toolObjectsBelow(root.get().node));
      if (computers.size === 1) {
        const version = [...computers][0] as ComputerVersion;
        if (version !== 'computer_20241022') renames[COMPUTER_SDK_TYPES.computer_20241022] = COMPUTER_SDK_TYPES[version];
      }
      changed = renameSdkTypes(ctx, renames) || changed;

      // 6. Conversations loaded from storage may still call the tool by its old name (only said
      //    when the tool was renamed now: already migrated code stays as it is).
      if (renamed) markReplayedHistories(ctx, bindings);
    }
    return changed;
  },
};

const OLD_TOOL_STRING = /^(?:text_editor_(?:20241022|20250124|20250429)|bash_20241022|computer_2024\d{4}|computer_20250124|str_replace_editor|undo_edit)$/;

/**
 * The old tool strings of a file in which every one of them is a literal type (interface members, unions,
 * aliases) and no object key or name mentions them: such a file declares the tools, it does not use them.
 * Empty when the file has any other use.
 */
function typeDeclarationsOnly(scan: FileScan): ASTPath[] {
  const found: ASTPath[] = [];
  let undoStrings = 0;
  for (const path of scan.strings) {
    const value = stringValue(path.node);
    if (value === undefined || !OLD_TOOL_STRING.test(value)) continue;
    if ((path.parentPath?.node as { type?: string } | undefined)?.type !== 'TSLiteralType') return [];
    if (value === 'undo_edit') undoStrings++;
    found.push(path);
  }
  // undo_edit seen only as an identifier (an object key, a case label name): a use, not a declaration.
  if (scan.hasUndo && undoStrings === 0) return [];
  return found;
}

/**
 * The editor versions of a file that supports versions side by side, else none: it names both an old text
 * editor version and the current one, or it names an old version by a provider's tool ID
 * (`"anthropic.text_editor_20241022"`: an SDK's definition of that version, its schema included).
 */
function sideBySideVersions(scan: FileScan): string[] {
  const found = new Set<string>();
  let providerId = false;
  for (const path of scan.strings) {
    const value = stringValue(path.node) ?? '';
    const match = /text_editor_(\d{8})/.exec(value);
    if (!match) continue;
    found.add(`text_editor_${match[1]}`);
    if (/^[\w-]+\.text_editor_\d{8}$/.test(value) && OLD_EDITOR_TYPES.has(`text_editor_${match[1]}`)) providerId = true;
  }
  const hasNew = found.has(NEW_EDITOR_TYPE);
  const hasOld = [...found].some((v) => OLD_EDITOR_TYPES.has(v));
  return (hasNew && hasOld) || providerId ? [...found].sort() : [];
}

export default codemod;
