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
  let changed = false;

  // One removal at a time, then look again: what the removed code used may now be unused too.
  for (let round = 0; round < 50; round++) {
    const declarations = findDeclarations(ctx, names);
    const uses = countNames(ctx.root.get().node);
    const unused = [...declarations].find(([name, list]) => {
      let inside = 0;
      for (const d of list) inside += countNames(d.path.node).get(name) ?? 0;
      return (uses.get(name) ?? 0) === inside && !list.some((d) => d.exported) && list.every((d) => removable(d.path.node, name));
    });
    if (!unused) {
      for (const [name, list] of declarations) {
        if (UNDO_NAME.test(name)) for (const declaration of list) ctx.marker(declaration.path, STILL_USED);
      }
      break;
    }
    const [name, list] = unused;
    names.delete(name);
    for (const declaration of list) {
      collectNames(declaration.path.node, names);
      if (declaration.publicMember) {
        ctx.note(`removed ${declaration.publicMember}, which only undo_edit used; check other files that may call it`, declaration.path);
      }
    }
    // Later declarations first, so that earlier paths stay valid.
    for (const declaration of [...list].reverse()) pruneStatement(ctx.j, declaration.path);
    changed = true;
  }
  return changed;
}

const STILL_USED = 'undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand';

/** How many times each name occurs below a node (identifiers, member names, private names). */
function countNames(node: AnyNode): Map<string, number> {
  const counts = new Map<string, number>();
  walk(node, (n) => {
    const name = n.type === 'Identifier' || n.type === 'JSXIdentifier' ? n.name : n.type === 'PrivateName' ? n.id.name : undefined;
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
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

function findDeclarations(ctx: CodemodContext, names: ReadonlySet<string>): Map<string, Declaration[]> {
  const { j, root } = ctx;
  const byName = new Map<string, Declaration[]>();
  const add = (name: string, path: ASTPath, exported: boolean, publicMember?: string) => {
    if (names.has(name)) byName.set(name, [...(byName.get(name) ?? []), { name, path, exported, publicMember }]);
  };
  root.find(j.FunctionDeclaration).forEach((p) => {
    const id = (p.node as AnyNode).id;
    if (id) add(id.name, p as ASTPath, isExported(p as ASTPath));
  });
  root.find(j.VariableDeclarator).forEach((p) => {
    const node = p.node as AnyNode;
    if (node.id.type !== 'Identifier') return;
    const declaration = p.parentPath?.parentPath as ASTPath;
    const single = (declaration?.node as AnyNode)?.declarations?.length === 1;
    add(node.id.name, single ? declaration : (p as ASTPath), isExported(declaration));
  });
  for (const type of ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration'] as const) {
    root.find(j[type] as AnyNode).forEach((p: AnyNode) => add(p.node.id.name, p as ASTPath, isExported(p as ASTPath)));
  }
  root.find(j.ClassBody).forEach((body) => {
    const classPath = body.parentPath as ASTPath;
    const classNode = classPath.node as AnyNode;
    const exportedClass = isExported(classPath);
    (body.get('body') as ASTPath).each((p: ASTPath) => {
      const node = p.node as AnyNode;
      if (!/^Class(Private)?(Method|Property)$|^TSDeclareMethod$/.test(node.type) || node.computed || node.kind === 'constructor') return;
      const name = keyName(node);
      if (!name) return;
      const isPublic = node.accessibility !== 'private' && node.accessibility !== 'protected' && !node.type.includes('Private');
      add(name, p, false, exportedClass && isPublic ? `${classNode.id?.name ?? 'class'}.${name}` : undefined);
    });
  });
  // `this.name = new Map()` in a constructor declares a store in plain JavaScript classes.
  root.find(j.ExpressionStatement).forEach((p) => {
    const expr = (p.node as AnyNode).expression;
    if (expr?.type !== 'AssignmentExpression' || expr.operator !== '=') return;
    const left = expr.left;
    if (left.type !== 'MemberExpression' || left.object.type !== 'ThisExpression' || left.computed) return;
    const method = closest(p as ASTPath, FUNCTIONS)?.node as AnyNode;
    if (method?.kind === 'constructor' && isPure(expr.right)) add(left.property.name, p as ASTPath, false);
  });
  return byName;
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
