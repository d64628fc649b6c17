import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { ancestors, isObjectProperty, keyName, propertyNamed, replaceString, statementOf, stringValue, walk, type AnyNode } from './ast';
import { EDITOR_TYPE_PATTERN, NEW_EDITOR_NAME, OLD_EDITOR_NAME } from './facts';
import type { FileScan } from './scan';

const GROUPS = new Set([
  'SwitchStatement',
  'LogicalExpression',
  'ObjectExpression',
  'ArrayExpression',
  'TSUnionType',
  'TSTypeLiteral',
  'TSInterfaceBody',
  'TSEnumDeclaration',
]);

/** The list-like construct a name sits in (a switch, an `||` chain, a map, an array, a union). */
function groupOf(path: ASTPath): AnyNode | undefined {
  let group: AnyNode | undefined;
  let last: AnyNode = path.node;
  for (const p of ancestors(path)) {
    const node = p.node as AnyNode;
    if (!node) break;
    if (node === last) continue;
    last = node;
    if (GROUPS.has(node.type)) {
      // `a || b || c` nests, and Map entries are pairs in a list: take the outermost level.
      if (group && !(group.type === node.type && node.type === 'LogicalExpression') && !(group.type === 'ArrayExpression' && node.type === 'ArrayExpression')) break;
      group = node;
      if (node.type !== 'LogicalExpression' && node.type !== 'ArrayExpression') break;
    } else if (group) break;
    if (/Statement$|Declaration$/.test(node.type) && node.type !== 'SwitchStatement') break;
  }
  return group;
}

/** The members of a group that can name a tool: case tests, keys, elements, compared operands, literal types. */
function groupMembers(group: AnyNode): AnyNode[] {
  switch (group.type) {
    case 'SwitchStatement':
      return group.cases.map((c: AnyNode) => c.test);
    case 'ObjectExpression':
      return group.properties.map((p: AnyNode) => p.key);
    case 'TSTypeLiteral':
      return group.members.map((m: AnyNode) => m.key);
    case 'TSInterfaceBody':
      return group.body.map((m: AnyNode) => m.key);
    case 'ArrayExpression':
      return group.elements.flatMap((e: AnyNode) => (e?.type === 'ArrayExpression' ? [e.elements[0]] : [e]));
    case 'TSUnionType':
      return group.types;
    case 'TSEnumDeclaration':
      return group.members.map((m: AnyNode) => m.initializer);
    case 'LogicalExpression': {
      const operands: AnyNode[] = [];
      walk(group, (n) => {
        if (n.type === 'BinaryExpression') operands.push(n.left, n.right);
      });
      return operands;
    }
    default:
      return [];
  }
}

/** True when the group already knows the new name: the old one is then kept on purpose (compatibility). */
function groupHasNewName(group: AnyNode | undefined): boolean {
  if (!group) return false;
  return groupMembers(group).some((n) => n && (stringValue(n) === NEW_EDITOR_NAME || (n.type === 'Identifier' && n.name === NEW_EDITOR_NAME)));
}

function isAttached(path: ASTPath): boolean {
  const container = path.parentPath?.value as AnyNode;
  return !!container && container[path.name as string] === path.node;
}

/** The object a `name: …` property belongs to, when the string is that property's value. */
function ownerOfName(path: ASTPath): AnyNode | undefined {
  const parent = path.parentPath?.node as AnyNode;
  if (isObjectProperty(parent) && parent.value === path.node && keyName(parent) === 'name') {
    return path.parentPath?.parentPath?.node;
  }
  return undefined;
}

/**
 * Code that dispatches on the tool name follows the rename: comparisons, switch cases, handler maps
 * keyed by name, constants, literal types. A `tool_use` block written in the file is renamed too, with
 * a marker, because replayed histories keep the old name.
 */
export function renameToolName(ctx: CodemodContext, scan: FileScan): boolean {
  const { j, root } = ctx;
  let changed = false;
  let skippedCustom = false;

  for (const path of scan.strings) {
    if (!isAttached(path) || ctx.isIgnored(path)) continue;
    const value = stringValue(path.node)!;
    if (value !== OLD_EDITOR_NAME) {
      if (value.includes(OLD_EDITOR_NAME) && !scan.customTool) {
        // Text that mentions the name (a log line, a label, a prompt) is not a tool definition.
        ctx.note(`this text names the old tool ${OLD_EDITOR_NAME} (Claude 4 calls it ${NEW_EDITOR_NAME}): left as it is`, path, 'left-alone');
      }
      continue;
    }
    const owner = ownerOfName(path);
    const ownerType = stringValue(propertyNamed(owner, 'type')?.value);
    const isDefinition = ownerType !== undefined && EDITOR_TYPE_PATTERN.test(ownerType);
    if (!isDefinition && scan.customTool) {
      skippedCustom = true;
      continue;
    }
    if (!isDefinition && groupHasNewName(groupOf(path))) continue;
    replaceString(j, path, NEW_EDITOR_NAME);
    changed = true;
    if (ownerType === 'tool_use') {
      ctx.note(
        `a recorded tool_use block named ${OLD_EDITOR_NAME} was renamed; histories replayed from storage keep the old name, and whether Claude 4 accepts them is not documented [uncertain]`,
        path,
      );
    }
  }

  root.find(j.Identifier, { name: OLD_EDITOR_NAME }).forEach((path) => {
    const parent = path.parentPath?.node as AnyNode;
    if (ctx.isIgnored(path as ASTPath)) return;
    const isKey =
      (isObjectProperty(parent) || parent?.type === 'TSPropertySignature' || parent?.type === 'ClassProperty') &&
      parent.key === path.node &&
      !parent.computed;
    const isMember = (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === path.node && !parent.computed;
    if (!isKey && !isMember) return;
    if (scan.customTool) {
      skippedCustom = true;
      return;
    }
    if (isKey && parent.shorthand) {
      ctx.marker(path as ASTPath, `the key ${OLD_EDITOR_NAME} names the old text editor tool; Claude 4 calls it ${NEW_EDITOR_NAME}`);
      return;
    }
    if (isKey && groupHasNewName(path.parentPath?.parentPath?.node)) return;
    path.replace(j.identifier(NEW_EDITOR_NAME));
    changed = true;
  });

  if (skippedCustom && scan.hasEditorType) {
    // Both Anthropic's editor and a custom tool of the old name: which calls mean which is not visible.
    const at = root.find(j.ObjectExpression).filter((p) => p.node === scan.customTool).paths()[0] as ASTPath;
    ctx.marker(
      statementOf(j, at),
      `a custom tool shares the old editor name ${OLD_EDITOR_NAME}: dispatch on it was left as it is; check which tool it means`,
    );
  } else if (skippedCustom) {
    ctx.note(`${OLD_EDITOR_NAME} is the name of a custom tool defined in this file (it has its own input schema), not Anthropic's text editor: left as it is`, scan.customTool);
  }
  return changed;
}
