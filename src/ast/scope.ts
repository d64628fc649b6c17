/**
 * Names and scopes: the identifier index (opt-in per tree), counting and finding the references of a
 * binding, the declaration a name resolves to, and the name a function is bound to.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from './bedrock';

/**
 * Identifier paths by name, built in one traversal. Opt-in per tree (`withReferenceIndex`): a codemod that
 * looks names up many times turns it on while it reads, and invalidates it after each batch of changes.
 * Off, every lookup traverses the tree.
 */
const referenceIndexes = new WeakMap<object, Map<string, ASTPath[]> | null>();

export function enableReferenceIndex(root: Collection): void {
  referenceIndexes.set(root, null);
}

export function disableReferenceIndex(root: Collection): void {
  referenceIndexes.delete(root);
}

/** Call after changing the tree while the index is on. */
export function invalidateReferenceIndex(root: Collection): void {
  if (referenceIndexes.has(root)) referenceIndexes.set(root, null);
}

/** Every Identifier path named `name`, in document order. */
export function identifierPaths(j: JSCodeshift, root: Collection, name: string): ASTPath[] {
  if (!referenceIndexes.has(root)) return root.find(j.Identifier, { name } as never).paths() as ASTPath[];
  let index = referenceIndexes.get(root);
  if (!index) {
    index = new Map();
    const built = index;
    root.find(j.Identifier).forEach((p) => {
      const n = (p.node as AnyNode).name;
      let list = built.get(n);
      if (!list) built.set(n, (list = []));
      list.push(p as ASTPath);
    });
    referenceIndexes.set(root, index);
  }
  return index.get(name) ?? [];
}

/** Identifier uses of `name` outside import/require bindings and non-computed keys. */
export function countReferences(j: JSCodeshift, root: Collection, name: string): number {
  let count = 0;
  identifierPaths(j, root, name).forEach((p) => {
    const parent: AnyNode = p.parent.node;
    const node = p.node;
    if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return;
    if (parent.type === 'TSImportEqualsDeclaration' && parent.id === node) return;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return;
    if (parent.type === 'TSQualifiedName' && parent.right === node) return;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ClassProperty' || parent.type === 'TSPropertySignature' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') && parent.key === node && !parent.computed && !parent.shorthand) return;
    // The local of a destructured require: `const { X } = require(m)` (shorthand: key and value are one node).
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && p.parent.parent?.node?.type === 'ObjectPattern') {
      const declarator = p.parent.parent.parent?.node;
      if (declarator?.type === 'VariableDeclarator' && declarator.id === p.parent.parent.node) return;
    }
    if (parent.type === 'VariableDeclarator' && parent.id === node) return;
    // A function's own name is its declaration, not a use.
    if ((parent.type === 'FunctionDeclaration' || parent.type === 'FunctionExpression') && parent.id === node) return;
    count++;
  });
  return count;
}

// ---------------------------------------------------------------- scopes

/**
 * The path that binds `name` as seen from `at`: a VariableDeclarator (simple `id`), a FunctionDeclaration,
 * or a parameter Identifier. Undefined for imports, destructured bindings and unknown names.
 */
export function declarationOf(name: string, at: ASTPath): AnyNode {
  const scope = (at as AnyNode).scope?.lookup(name);
  if (!scope) return undefined;
  const bindings = scope.getBindings()[name];
  if (!bindings || bindings.length === 0) return undefined;
  const p: AnyNode = bindings[0];
  const node = p.node;
  const parent = p.parent?.node;
  if (!parent || node.type !== 'Identifier') return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id === node) return p.parent;
  if ((parent.type === 'FunctionDeclaration' || parent.type === 'ClassDeclaration') && parent.id === node) return p.parent;
  if (/Function/.test(parent.type)) return p; // a parameter
  if (parent.type === 'AssignmentPattern' && /Function/.test(p.parent.parent?.node?.type ?? '')) return p; // parameter with default
  if (parent.type === 'TSParameterProperty') return p;
  return undefined;
}

/** The scope a declaration path binds its name in. */
export function scopeOfDeclaration(decl: ASTPath): AnyNode {
  const n: AnyNode = decl.node;
  if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') return (decl as AnyNode).scope.lookup(n.id.name);
  if (n.type === 'FunctionDeclaration') return (decl.parent as AnyNode).scope.lookup(n.id.name);
  if (n.type === 'Identifier') return (decl as AnyNode).scope.lookup(n.name);
  return (decl as AnyNode).scope;
}

/** Identifier paths (value positions) that refer to the binding declared at `decl`. */
export function referencePaths(j: JSCodeshift, root: Collection, name: string, decl: ASTPath): ASTPath[] {
  const declScope = scopeOfDeclaration(decl);
  const out: ASTPath[] = [];
  identifierPaths(j, root, name).forEach((p) => {
    const parent: AnyNode = p.parent.node;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === p.node && !parent.computed) return;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && (p as AnyNode).name === 'key' && !parent.computed) return;
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.shorthand && p.parent.parent?.node?.type === 'ObjectPattern') return;
    if (parent.type === 'VariableDeclarator' && parent.id === p.node) return;
    if (parent.type === 'FunctionDeclaration' && parent.id === p.node) return;
    if (/Function/.test(parent.type) && parent.params?.includes(p.node)) return;
    if (parent.type === 'TSPropertySignature' || parent.type === 'TSQualifiedName' || parent.type === 'TSTypeReference') return;
    if ((parent.type === 'ClassProperty' || parent.type === 'ClassMethod') && parent.key === p.node) return;
    const s = (p as AnyNode).scope?.lookup(name);
    if (s && s === declScope && inBlockOf(p, decl, name)) out.push(p as ASTPath);
  });
  return out;
}

/**
 * The scopes above know functions only: a `const`/`let` in a block binds its name in that block. A use
 * belongs to the declaration when it sits inside the declaring block and no block in between declares the
 * same name again (`if (a) { const r = … } else { const r = … }` are two variables).
 */
function inBlockOf(use: AnyNode, decl: AnyNode, name: string): boolean {
  const declaration: AnyNode = decl.node?.type === 'VariableDeclarator' ? decl.parent : undefined;
  if (!declaration || declaration.node.kind === 'var') return true;
  const block: AnyNode = declaration.parent?.node;
  if (!block || block.type === 'Program') return true;
  for (let p: AnyNode = use.parent; p; p = p.parent) {
    if (p.node === block) return true;
    const body: AnyNode[] | undefined = p.node.type === 'BlockStatement' || p.node.type === 'StaticBlock' ? p.node.body : undefined;
    if (body?.some((st: AnyNode) => st.type === 'VariableDeclaration' && st.kind !== 'var' && st.declarations.some((d: AnyNode) => d.id?.type === 'Identifier' && d.id.name === name))) return false;
  }
  return false;
}

/**
 * The name a function is called by in this file and the path of its declaration: `function f() {}`, or
 * `const f = () => {}` / `const f = function () {}`. Undefined for anonymous functions, methods and
 * functions held in `let`/`var` (which could be reassigned).
 */
export function functionBinding(fnPath: AnyNode): { name: string; declPath: AnyNode } | undefined {
  const fn: AnyNode = fnPath?.node;
  if (fn?.type === 'FunctionDeclaration' && fn.id) return { name: fn.id.name, declPath: fnPath };
  const holder: AnyNode = fnPath?.parent;
  if (holder?.node.type === 'VariableDeclarator' && holder.node.id.type === 'Identifier' && (holder.parent?.node as AnyNode)?.kind === 'const') {
    return { name: holder.node.id.name, declPath: holder };
  }
  return undefined;
}
