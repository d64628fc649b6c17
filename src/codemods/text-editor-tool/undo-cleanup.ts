import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { closest, keyName, pruneStatement, walk, type AnyNode } from './ast';

/** Names of code that belongs to an undo feature (kept declarations of these get a marker). */
const UNDO_NAME = /undo|histor|revert|backup|snapshot|previous|last/i;

const FUNCTIONS = ['ClassMethod', 'ClassPrivateMethod', 'ObjectMethod', 'FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration'];

const PURE_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

interface Declaration {
  name: string;
  path: ASTPath;
  /** Exported from the module: other files may use it. */
  exported: boolean;
  /** A public member of an exported class. */
  publicMember?: string;
}

/**
 * After undo_edit handling is gone, removes the same-file code only it used (an undo method or
 * function, an undo-history store, a variant type), repeatedly, and marks undo code that is still
 * used elsewhere in the file.
 */
export function removeUnusedUndoCode(ctx: CodemodContext, removed: readonly AnyNode[]): boolean {
  const names = new Set<string>();
  for (const node of removed) collectNames(node, names);
  const done = new Set<string>();
  let changed = false;

  for (let round = 0; round < 10; round++) {
    const pending = [...names].filter((n) => !done.has(n));
    if (pending.length === 0) break;
    for (const name of pending) {
      done.add(name);
      const declarations = findDeclarations(ctx, name);
      if (declarations.length === 0) continue;
      const nodes = declarations.map((d) => d.path.node as AnyNode);
      const uses = countUses(ctx, name, nodes);
      if (uses > 0 || declarations.some((d) => d.exported) || !declarations.every((d) => removable(d.path.node, name))) {
        if (UNDO_NAME.test(name)) {
          ctx.marker(
            declarations[0].path,
            'undo code: the text editor tool (text_editor_20250728) has no undo_edit any more, and this is still used in this file; keep it or remove it by hand',
          );
        }
        continue;
      }
      for (const declaration of declarations) {
        collectNames(declaration.path.node, names);
        if (declaration.publicMember) {
          ctx.note(`removed ${declaration.publicMember}, which only undo_edit used; check other files that may call it`, declaration.path);
        }
        pruneStatement(ctx.j, declaration.path);
        changed = true;
      }
    }
  }
  return changed;
}

function collectNames(node: AnyNode, into: Set<string>): void {
  walk(node, (n) => {
    if (n.type === 'Identifier' || n.type === 'JSXIdentifier') into.add(n.name);
    else if (n.type === 'PrivateName') into.add(n.id.name);
  });
}

function isExported(path: ASTPath): boolean {
  const parent = path.parentPath?.node as AnyNode;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

function findDeclarations(ctx: CodemodContext, name: string): Declaration[] {
  const { j, root } = ctx;
  const found: Declaration[] = [];
  root.find(j.FunctionDeclaration).forEach((p) => {
    if ((p.node as AnyNode).id?.name === name) found.push({ name, path: p as ASTPath, exported: isExported(p as ASTPath) });
  });
  root.find(j.VariableDeclarator).forEach((p) => {
    const node = p.node as AnyNode;
    if (node.id.type !== 'Identifier' || node.id.name !== name) return;
    const declaration = p.parentPath?.parentPath as ASTPath;
    const single = (declaration?.node as AnyNode)?.declarations?.length === 1;
    const target = single ? declaration : (p as ASTPath);
    found.push({ name, path: target, exported: isExported(declaration) });
  });
  for (const type of ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration'] as const) {
    root.find(j[type] as AnyNode).forEach((p: AnyNode) => {
      if ((p.node as AnyNode).id.name === name) found.push({ name, path: p as ASTPath, exported: isExported(p as ASTPath) });
    });
  }
  root.find(j.Node).forEach((p) => {
    const node = p.node as AnyNode;
    if (!/^Class(Private)?(Method|Property)$|^TSDeclareMethod$/.test(node.type) || node.computed || keyName(node) !== name) return;
    if (node.kind === 'constructor') return;
    const classPath = p.parentPath?.parentPath?.parentPath as ASTPath | undefined;
    const classNode = classPath?.node as AnyNode;
    const exportedClass = classPath ? isExported(classPath) : false;
    const isPublic = node.accessibility !== 'private' && node.accessibility !== 'protected' && node.type.indexOf('Private') < 0;
    found.push({
      name,
      path: p as ASTPath,
      exported: false,
      publicMember: exportedClass && isPublic ? `${classNode?.id?.name ?? 'class'}.${name}` : undefined,
    });
  });
  // `this.name = new Map()` in a constructor declares a store in plain JavaScript classes.
  root.find(j.ExpressionStatement).forEach((p) => {
    const expr = (p.node as AnyNode).expression;
    if (expr?.type !== 'AssignmentExpression' || expr.operator !== '=') return;
    const left = expr.left;
    if (left.type !== 'MemberExpression' || left.object.type !== 'ThisExpression' || left.computed || left.property.name !== name) return;
    const method = closest(p as ASTPath, FUNCTIONS)?.node as AnyNode;
    if (method?.kind === 'constructor' && isPure(expr.right)) found.push({ name, path: p as ASTPath, exported: false });
  });
  return found;
}

/** Uses of `name` outside the given declarations (identifiers, member names, private names). */
function countUses(ctx: CodemodContext, name: string, declarations: readonly AnyNode[]): number {
  const inside = new Set<AnyNode>();
  for (const declaration of declarations) walk(declaration, (n) => void inside.add(n));
  let count = 0;
  walk(ctx.root.get().node, (n) => {
    if (inside.has(n)) return;
    if ((n.type === 'Identifier' || n.type === 'JSXIdentifier') && n.name === name) count++;
    else if (n.type === 'PrivateName' && n.id.name === name) count++;
  });
  // A PrivateName's inner identifier was counted as well.
  return count;
}

/**
 * Functions, methods and types that nothing uses go; a value goes only when it is a store (a Map, Set,
 * array or object) or has an undo name, and evaluating it has no effect.
 */
function removable(node: AnyNode, name: string): boolean {
  const value = (init: AnyNode) => isPure(init) && (UNDO_NAME.test(name) || isStore(init));
  if (node.type === 'VariableDeclaration') return node.declarations.every((d: AnyNode) => value(d.init));
  if (node.type === 'VariableDeclarator') return value(node.init);
  if (/Property$/.test(node.type)) return value(node.value);
  if (node.type === 'ExpressionStatement') return value(node.expression.right);
  return true;
}

function isStore(node: AnyNode): boolean {
  if (!node) return false;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return isStore(node.expression);
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && PURE_CONSTRUCTORS.has(node.callee.name);
  return node.type === 'ArrayExpression' || node.type === 'ObjectExpression';
}

/** An initializer whose evaluation has no effect worth keeping. */
function isPure(node: AnyNode): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'Literal':
    case 'Identifier':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isPure);
    case 'ArrayExpression':
      return node.elements.every((e: AnyNode) => e === null || isPure(e));
    case 'ObjectExpression':
      return node.properties.every((p: AnyNode) => (p.type === 'ObjectMethod' ? true : !p.computed && isPure(p.value)));
    case 'NewExpression':
      return node.callee.type === 'Identifier' && PURE_CONSTRUCTORS.has(node.callee.name) && node.arguments.every(isPure);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      return isPure(node.expression);
    case 'UnaryExpression':
      return node.operator !== 'delete' && isPure(node.argument);
    default:
      return false;
  }
}
