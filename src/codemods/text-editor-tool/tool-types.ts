import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { keyName, isObjectProperty, statementOf, propertyNamed, replaceString, stringValue, walk, type AnyNode } from './ast';
import {
  BASH_RENAMES,
  COMPUTER_FLAGS,
  DEFAULT_COMPUTER,
  NEW_EDITOR_NAME,
  NEW_EDITOR_TYPE,
  OLD_EDITOR_TYPES,
  type ComputerVersion,
} from './facts';
import { computerVersionAt, type Bindings } from './requests';

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);
const COMPARISONS = new Set(['===', '!==', '==', '!=']);

type Context = 'definition' | 'constant' | 'type' | 'comparison' | 'case';

/** Where a tool type string sits: only these places are rewritten; any other use is marked. */
function typeContext(path: ASTPath): { kind: Context; owner: AnyNode } | undefined {
  let child = path.node as AnyNode;
  let parentPath = path.parentPath as ASTPath;
  while (parentPath && WRAPPERS.has((parentPath.node as AnyNode).type)) {
    child = parentPath.node;
    parentPath = parentPath.parentPath as ASTPath;
  }
  const parent = parentPath?.node as AnyNode;
  if (!parent) return undefined;
  if (isObjectProperty(parent) && parent.value === child && keyName(parent) === 'type') {
    return { kind: 'definition', owner: parentPath.parentPath?.node };
  }
  if (parent.type === 'VariableDeclarator' && parent.init === child) return { kind: 'constant', owner: parent };
  if (parent.type === 'TSLiteralType') return { kind: 'type', owner: parent };
  if (parent.type === 'BinaryExpression' && COMPARISONS.has(parent.operator)) return { kind: 'comparison', owner: parent };
  if (parent.type === 'SwitchCase' && parent.test === child) return { kind: 'case', owner: parentPath.parentPath?.node };
  return undefined;
}

function switchHasCase(switchNode: AnyNode, value: string): boolean {
  return (switchNode?.cases ?? []).some((c: AnyNode) => stringValue(c.test) === value);
}

export interface ToolTypeResult {
  changed: boolean;
  /** Text editor definitions rewritten (their `name` is handled here). */
  definitions: AnyNode[];
}

/**
 * Moves tool type strings to the Claude 4 versions: text_editor_20241022/20250124 → text_editor_20250728
 * (with the name str_replace_based_edit_tool), bash_20241022 → bash_20250124, and the computer tool to
 * the version the request's model accepts.
 */
export function migrateToolTypes(
  ctx: CodemodContext,
  strings: readonly ASTPath[],
  bindings: Bindings,
  fileModels: readonly string[],
  computerDefault: ComputerVersion = DEFAULT_COMPUTER,
): ToolTypeResult {
  const { j } = ctx;
  let changed = false;
  const definitions: AnyNode[] = [];
  const unhandled = new Map<AnyNode, { at: ASTPath; old: string[]; next: string[]; listed: boolean }>();

  for (const path of strings) {
    const value = stringValue(path.node)!;
    let next: string | undefined;
    let defaulted = false;
    if (OLD_EDITOR_TYPES.has(value)) next = NEW_EDITOR_TYPE;
    else if (BASH_RENAMES[value]) next = BASH_RENAMES[value];
    else if (value === 'computer_20241022' || value === 'computer_20250124') {
      const accepted = computerVersionAt(path, bindings, fileModels);
      if (value === 'computer_20241022') {
        next = accepted ?? computerDefault;
        defaulted = accepted === undefined;
      } else if (accepted === 'computer_20251124') {
        next = accepted;
      }
    }
    if (!next || ctx.isIgnored(path)) continue;

    const context = typeContext(path);
    if (!context) {
      const at = statementOf(j, path);
      const entry = unhandled.get(at.node) ?? { at, old: [], next: [], listed: true };
      entry.old.push(value);
      entry.next.push(next);
      entry.listed &&= (path.parentPath?.node as AnyNode)?.type === 'ArrayExpression';
      unhandled.set(at.node, entry);
      continue;
    }
    if (context.kind === 'case' && switchHasCase(context.owner, next)) continue;
    replaceString(j, path, next);
    changed = true;
    if (defaulted) {
      ctx.marker(statementOf(j, path), `computer_20241022 became ${computerDefault}, which ${computerDefault === 'computer_20251124' ? NEWER : OLDER} accept: check the model`);
      ctx.note(computerMessage(computerDefault), path);
    }
    if (next === NEW_EDITOR_TYPE && context.kind === 'definition' && context.owner?.type === 'ObjectExpression') {
      definitions.push(context.owner);
      changed = renameDefinition(ctx, path, context.owner) || changed;
    }
  }
  for (const { at, old, next, listed } of unhandled.values()) {
    const what = `old tool version ${old.join(', ')} (Claude 4 uses ${next.join(', ')})`;
    // A name in a list of strings (names matched for display or logging) is not a tool definition.
    if (listed) ctx.note(`${what} in a list of strings: left as it is`, at, 'left-alone');
    else ctx.marker(at, `${what} left as it is here: update it if it names a tool`);
  }
  return { changed, definitions };
}

const NEWER = 'Opus 4.5+ and Sonnet 4.6+';
const OLDER = 'Sonnet 4/4.5, Haiku 4.5 and Opus 4/4.1';

/** Which models take the version chosen without a known model, and which need the other one (§6c). */
function computerMessage(chosen: ComputerVersion): string {
  const other: ComputerVersion = chosen === 'computer_20251124' ? 'computer_20250124' : 'computer_20251124';
  const [takes, needsOther] = chosen === 'computer_20251124' ? [NEWER, OLDER] : [OLDER, NEWER];
  return `computer_20241022 became ${chosen} (flag ${COMPUTER_FLAGS[chosen]}), which ${takes} accept; ${needsOther} need ${other} (flag ${COMPUTER_FLAGS[other]}): check the target model`;
}

/** The Claude 4 text editor must be named str_replace_based_edit_tool. */
function renameDefinition(ctx: CodemodContext, at: ASTPath, obj: AnyNode): boolean {
  const { j } = ctx;
  const name = propertyNamed(obj, 'name');
  // A written name (a string, or a constant) is renamed with the other uses of the old name.
  if (name) return false;
  if (obj.properties.some((p: AnyNode) => p.type === 'SpreadElement' || p.type === 'SpreadProperty')) {
    ctx.marker(at, `the text editor tool must be named ${NEW_EDITOR_NAME}: check the name this definition spreads in`);
    return false;
  }
  const typeIndex = obj.properties.findIndex((p: AnyNode) => keyName(p) === 'type');
  obj.properties.splice(typeIndex + 1, 0, j.objectProperty(j.identifier('name'), j.stringLiteral(NEW_EDITOR_NAME)));
  return true;
}

/** The computer tool versions (after the rewrite) a set of tool objects holds. */
export function computerVersionsIn(objects: readonly AnyNode[]): Set<ComputerVersion> {
  const versions = new Set<ComputerVersion>();
  for (const obj of objects) {
    const type = stringValue(propertyNamed(obj, 'type')?.value);
    if (type && /^computer_\d{8}$/.test(type)) versions.add(type as ComputerVersion);
  }
  return versions;
}

/** Tool objects anywhere in a subtree (used when a request's tools cannot be followed). */
export function toolObjectsBelow(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  walk(node, (n) => {
    if (n.type === 'ObjectExpression') {
      const type = stringValue(propertyNamed(n, 'type')?.value);
      if (type && /^(text_editor|bash|computer)_\d{8}$/.test(type)) found.push(n);
    }
  });
  return found;
}
