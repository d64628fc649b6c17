/**
 * Shared jscodeshift helpers for code that uses `@aws-sdk/client-bedrock-runtime`:
 * - where the runtime module's exports are bound locally, in every import style;
 * - the command constructions (`new InvokeModelCommand(...)`, `new br.InvokeModelCommand(...)`) and the
 *   aggregated client calls (`client.invokeModel({...})`);
 * - adding and removing imports of the module;
 * - object-literal helpers (property by name, string or identifier keys).
 *
 * AST nodes are handled as `any`: the codemods accept both the Babel (`ObjectProperty`, `StringLiteral`)
 * and the ESTree (`Property`, `Literal`) shapes, which the jscodeshift typings do not unify.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findEach } from '../engine/find';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNode = any;

export const RUNTIME_MODULE = '@aws-sdk/client-bedrock-runtime';

/** One place where the runtime module is brought into the file. */
export interface RuntimeImport {
  kind: 'esm' | 'require' | 'dynamic' | 'import-equals';
  /** The ImportDeclaration, VariableDeclarator or TSImportEqualsDeclaration path. */
  path: ASTPath;
  /** True for `import type {…}`. */
  typeOnly: boolean;
}

/** How the runtime module's exports are reachable in a file. */
export interface RuntimeBindings {
  /** Local name → exported name (ESM named/aliased, destructured require / dynamic import, `require(m).X`). */
  named: Map<string, string>;
  /** Local names that hold the whole module (namespace / default import, `require(m)`, `import x = require(m)`). */
  namespaces: Set<string>;
  imports: RuntimeImport[];
}

export function isStringLiteral(node: AnyNode): node is { type: string; value: string } {
  return !!node && (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string'));
}

/** `"x"`, `'x'` or a template literal without expressions: its text. */
export function staticString(node: AnyNode): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

function isModuleSource(node: AnyNode, module: string): boolean {
  return staticString(node) === module;
}

/** `require("m")` */
export function isRequireOf(node: AnyNode, module: string): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    isModuleSource(node.arguments[0], module)
  );
}

/** `import("m")` or `await import("m")` */
export function isDynamicImportOf(node: AnyNode, module: string): boolean {
  let n = node;
  if (n?.type === 'AwaitExpression') n = n.argument;
  if (n?.type === 'ImportExpression') return isModuleSource(n.source, module);
  return n?.type === 'CallExpression' && n.callee.type === 'Import' && n.arguments.length >= 1 && isModuleSource(n.arguments[0], module);
}

/** The name a property key spells: identifier, string literal, or computed string literal. */
export function keyName(prop: AnyNode): string | undefined {
  if (!prop) return undefined;
  const key = prop.key;
  if (!key) return undefined;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  if (isStringLiteral(key)) return key.value;
  if (prop.computed && key.type === 'TemplateLiteral') return staticString(key);
  return undefined;
}

export function isPlainProperty(prop: AnyNode): boolean {
  return (prop.type === 'ObjectProperty' || (prop.type === 'Property' && prop.kind === 'init')) && !prop.method;
}

/** Finds every binding of the runtime module in the file. */
export function findRuntimeBindings(j: JSCodeshift, root: Collection, module: string = RUNTIME_MODULE): RuntimeBindings {
  const out: RuntimeBindings = { named: new Map(), namespaces: new Set(), imports: [] };
  // One walk for the three kinds; each list is what root.find gives for it, handled in the same order.
  const [esm, importEquals, declarators] = findEach(root, [j.ImportDeclaration, j.TSImportEqualsDeclaration, j.VariableDeclarator]);
  esm!.forEach((p) => {
    const decl: AnyNode = p.node;
    if (!isModuleSource(decl.source, module)) return;
    out.imports.push({ kind: 'esm', path: p as ASTPath, typeOnly: decl.importKind === 'type' });
    for (const s of decl.specifiers ?? []) {
      if (s.type === 'ImportSpecifier') {
        const imported = s.imported.type === 'Identifier' ? s.imported.name : s.imported.value;
        out.named.set(s.local?.name ?? imported, imported);
      } else if (s.local) {
        out.namespaces.add(s.local.name);
      }
    }
  });
  importEquals!.forEach((p) => {
    const decl: AnyNode = p.node;
    const ref = decl.moduleReference;
    if (ref?.type !== 'TSExternalModuleReference' || !isModuleSource(ref.expression, module)) return;
    out.imports.push({ kind: 'import-equals', path: p as ASTPath, typeOnly: decl.importKind === 'type' });
    out.namespaces.add(decl.id.name);
  });
  declarators!.forEach((p) => {
    const d: AnyNode = p.node;
    const init = d.init;
    if (!init) return;
    // `const { InvokeModelCommand } = bedrock` where `bedrock` holds the whole module (ESM default interop).
    if (init.type === 'Identifier' && out.namespaces.has(init.name) && d.id.type === 'ObjectPattern') {
      out.imports.push({ kind: 'require', path: p as ASTPath, typeOnly: false });
      for (const prop of d.id.properties) {
        const name = keyName(prop);
        if (name && prop.value?.type === 'Identifier') out.named.set(prop.value.name, name);
      }
      return;
    }
    let kind: RuntimeImport['kind'] | undefined;
    let property: string | undefined;
    if (isRequireOf(init, module)) kind = 'require';
    else if (isDynamicImportOf(init, module)) kind = 'dynamic';
    else if (init.type === 'MemberExpression' && isRequireOf(init.object, module)) {
      kind = 'require';
      property = init.computed ? staticString(init.property) : init.property.name;
    }
    if (!kind) return;
    out.imports.push({ kind, path: p as ASTPath, typeOnly: false });
    if (property !== undefined) {
      if (d.id.type === 'Identifier') out.named.set(d.id.name, property);
      return;
    }
    if (d.id.type === 'Identifier') out.namespaces.add(d.id.name);
    else if (d.id.type === 'ObjectPattern') {
      for (const prop of d.id.properties) {
        const name = keyName(prop);
        if (name && prop.value?.type === 'Identifier') out.named.set(prop.value.name, name);
      }
    }
  });
  return out;
}

/** Local names bound to an export (there may be several, for example a value and a type import). */
export function localNamesOf(bindings: RuntimeBindings, exportName: string): string[] {
  const names: string[] = [];
  for (const [local, exported] of bindings.named) if (exported === exportName) names.push(local);
  return names;
}

/** True when `callee` refers to the export `exportName` (a local binding or `ns.exportName`). */
export function refersToExport(bindings: RuntimeBindings, node: AnyNode, exportName: string): boolean {
  if (!node) return false;
  if (node.type === 'Identifier') return bindings.named.get(node.name) === exportName;
  if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && bindings.namespaces.has(node.object.name)) {
    const prop = node.computed ? staticString(node.property) : node.property.name;
    return prop === exportName;
  }
  if (node.type === 'TSQualifiedName' && node.left.type === 'Identifier' && bindings.namespaces.has(node.left.name)) {
    return node.right.name === exportName;
  }
  return false;
}

/** `new <exportName>(...)` paths, in every import style. */
export function findCommandConstructions(
  j: JSCodeshift,
  root: Collection,
  bindings: RuntimeBindings,
  exportName: string,
): ASTPath[] {
  const out: ASTPath[] = [];
  root.find(j.NewExpression).forEach((p) => {
    if (refersToExport(bindings, (p.node as AnyNode).callee, exportName)) out.push(p as ASTPath);
  });
  return out;
}

/**
 * Variables holding an aggregated client: `new BedrockRuntime(...)` (or `new ns.BedrockRuntime(...)`),
 * including class fields and `this.x = new BedrockRuntime()` assignments (their property names).
 */
export function findAggregatedClientNames(j: JSCodeshift, root: Collection, bindings: RuntimeBindings): Set<string> {
  const names = new Set<string>();
  root.find(j.NewExpression).forEach((p) => {
    if (!refersToExport(bindings, (p.node as AnyNode).callee, 'BedrockRuntime')) return;
    const parent: AnyNode = p.parent.node;
    if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') names.add(parent.id.name);
    else if (parent.type === 'AssignmentExpression') {
      const left = parent.left;
      if (left.type === 'Identifier') names.add(left.name);
      else if (left.type === 'MemberExpression' && !left.computed) names.add(left.property.name);
    } else if ((parent.type === 'ClassProperty' || parent.type === 'PropertyDefinition') && parent.key.type === 'Identifier') {
      names.add(parent.key.name);
    }
  });
  return names;
}

/** `x.<method>({...})` calls whose receiver is an aggregated client (by variable or property name). */
export function findAggregatedCalls(
  j: JSCodeshift,
  root: Collection,
  bindings: RuntimeBindings,
  method: string,
): ASTPath[] {
  const clients = findAggregatedClientNames(j, root, bindings);
  const out: ASTPath[] = [];
  if (clients.size === 0) return out;
  root.find(j.CallExpression).forEach((p) => {
    const callee: AnyNode = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== method) return;
    const obj = callee.object;
    const receiver =
      obj.type === 'Identifier' ? obj.name : obj.type === 'MemberExpression' && !obj.computed ? obj.property.name : undefined;
    if (receiver && clients.has(receiver)) out.push(p as ASTPath);
  });
  return out;
}

/**
 * `x.invokeModel({ modelId, body, … })` on a receiver the file does not show to be a client (a client made in
 * another module: `(await this.getBedrockInstance()).invokeModel(...)`): the input's keys say it is Bedrock's.
 */
export function findInvokeModelCallsByShape(j: JSCodeshift, root: Collection, method: string, known: ASTPath[]): ASTPath[] {
  const seen = new Set(known.map((p) => p.node));
  const out: ASTPath[] = [];
  root.find(j.CallExpression).forEach((p) => {
    const node: AnyNode = p.node;
    const callee = node.callee;
    if (seen.has(node) || callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== method) return;
    const arg = unwrapExpression(node.arguments[0]);
    if (arg?.type === 'ObjectExpression' && getProperty(arg, 'modelId') && getProperty(arg, 'body')) out.push(p as ASTPath);
  });
  return out;
}

/** Type references to an export: `InvokeModelCommandInput`, `br.InvokeModelCommandInput`. */
export function findTypeReferences(j: JSCodeshift, root: Collection, bindings: RuntimeBindings, exportName: string): ASTPath[] {
  const out: ASTPath[] = [];
  root.find(j.TSTypeReference).forEach((p) => {
    if (refersToExport(bindings, (p.node as AnyNode).typeName, exportName)) out.push(p as ASTPath);
  });
  return out;
}

// ---------------------------------------------------------------- imports: add / remove

// ---------------------------------------------------------------- identifier index

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

/**
 * Makes `exportName` reachable and returns the expression to use for it (an identifier, or `ns.X`).
 * Reuses an existing binding; else adds it next to `near` (an export name already imported) or to the
 * first import of the module; else falls back to a namespace. Returns undefined when there is no import
 * of the module at all. `type` asks for a type position (TSQualifiedName for namespaces).
 */
export function ensureRuntimeExport(
  j: JSCodeshift,
  root: Collection,
  bindings: RuntimeBindings,
  exportName: string,
  opts: { near?: string; type?: boolean } = {},
): AnyNode | undefined {
  const existing = localNamesOf(bindings, exportName)[0];
  if (existing) return j.identifier(existing);
  const imports = bindings.imports.filter((i) => (opts.type ? true : !i.typeOnly));
  // Prefer the import that holds `near`.
  const holds = (imp: RuntimeImport, name: string): boolean => {
    const n: AnyNode = imp.path.node;
    if (imp.kind === 'esm') return (n.specifiers ?? []).some((s: AnyNode) => s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value) === name);
    if (n.type === 'VariableDeclarator' && n.id.type === 'ObjectPattern') return n.id.properties.some((p: AnyNode) => keyName(p) === name);
    return false;
  };
  const ordered = [
    ...imports.filter((i) => opts.near && holds(i, opts.near)),
    ...imports.filter((i) => i.kind === 'esm' && !(opts.near && holds(i, opts.near))),
    ...imports.filter((i) => i.kind !== 'esm' && !(opts.near && holds(i, opts.near))),
  ];
  for (const imp of ordered) {
    const n: AnyNode = imp.path.node;
    if (imp.kind === 'esm') {
      const specs: AnyNode[] = n.specifiers ?? [];
      if (specs.some((s) => s.type !== 'ImportSpecifier')) continue; // `import X, * as ns` forms: use the namespace below
      // With `local` set: a scope lookup after the insertion reads it (ast-types fails on a null local).
      const spec: AnyNode = j.importSpecifier(j.identifier(exportName), j.identifier(exportName));
      if (opts.type && n.importKind !== 'type' && !imp.typeOnly) spec.importKind = 'type';
      if (!opts.type && imp.typeOnly) continue;
      insertNear(specs, spec, opts.near, (s) => s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value));
      bindings.named.set(exportName, exportName);
      return j.identifier(exportName);
    }
    if ((imp.kind === 'require' || imp.kind === 'dynamic') && n.id.type === 'ObjectPattern') {
      const prop: AnyNode = j.objectProperty(j.identifier(exportName), j.identifier(exportName));
      prop.shorthand = true;
      insertNear(n.id.properties, prop, opts.near, (p) => keyName(p));
      bindings.named.set(exportName, exportName);
      return j.identifier(exportName);
    }
  }
  // `const X = require(m).X`: add `const Y = require(m).Y` after it.
  const propertyForms = opts.type ? [] : bindings.imports.filter((i) => i.kind === 'require' && (i.path.node as AnyNode).init?.type === 'MemberExpression');
  const property = propertyForms.find((i) => (i.path.node as AnyNode).id.name === opts.near) ?? propertyForms[0];
  if (property) {
    const declarator: AnyNode = property.path.node;
    const statement: AnyNode = property.path.parent;
    const init = j.memberExpression(declarator.init.object, j.identifier(exportName));
    const decl = j.variableDeclaration(statement.node.kind, [j.variableDeclarator(j.identifier(exportName), init)]);
    const holder: AnyNode = statement.parent;
    const list: AnyNode[] | undefined = holder?.node.body ?? undefined;
    const at = Array.isArray(list) ? list.indexOf(statement.node) : -1;
    if (at >= 0) {
      list!.splice(at + 1, 0, decl);
      bindings.named.set(exportName, exportName);
      return j.identifier(exportName);
    }
  }
  const ns = [...bindings.namespaces][0];
  if (ns) {
    return opts.type ? j.tsQualifiedName(j.identifier(ns), j.identifier(exportName)) : j.memberExpression(j.identifier(ns), j.identifier(exportName));
  }
  return undefined;
}

function insertNear(list: AnyNode[], item: AnyNode, near: string | undefined, nameOf: (n: AnyNode) => string | undefined): void {
  const at = near ? list.findIndex((n) => nameOf(n) === near) : -1;
  if (at >= 0) list.splice(at + 1, 0, item);
  else list.push(item);
}

/**
 * Removes the binding of `exportName` from the module's imports when nothing in the file refers to it any
 * more; removes the whole import/require when it becomes empty. Returns true when something was removed.
 */
export function removeRuntimeExportIfUnused(j: JSCodeshift, root: Collection, bindings: RuntimeBindings, exportName: string): boolean {
  let removed = false;
  for (const local of localNamesOf(bindings, exportName)) {
    if (countReferences(j, root, local) > 0) continue;
    for (const imp of bindings.imports) {
      const n: AnyNode = imp.path.node;
      if (imp.kind === 'esm') {
        const before = n.specifiers.length;
        n.specifiers = n.specifiers.filter((s: AnyNode) => !(s.type === 'ImportSpecifier' && s.local?.name === local));
        if (n.specifiers.length !== before) {
          removed = true;
          if (n.specifiers.length === 0) j(imp.path).remove();
        }
      } else if ((imp.kind === 'require' || imp.kind === 'dynamic') && n.id?.type === 'ObjectPattern') {
        const before = n.id.properties.length;
        n.id.properties = n.id.properties.filter((p: AnyNode) => !(p.value?.type === 'Identifier' && p.value.name === local));
        if (n.id.properties.length !== before) {
          removed = true;
          if (n.id.properties.length === 0) removeDeclarator(j, imp.path);
        }
      } else if (imp.kind === 'require' && n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === local) {
        removed = true;
        removeDeclarator(j, imp.path);
      }
    }
    bindings.named.delete(local);
  }
  return removed;
}

/** Removes a declarator; the whole declaration when it was the only one. */
export function removeDeclarator(j: JSCodeshift, path: ASTPath): void {
  const decl: AnyNode = path.parent?.node;
  if (decl?.type === 'VariableDeclaration' && decl.declarations.length === 1) j(path.parent).remove();
  else j(path).remove();
}

// ---------------------------------------------------------------- object literals

/** The last plain property named `name` (later keys win in JS). */
export function getProperty(obj: AnyNode, name: string): AnyNode | undefined {
  if (obj?.type !== 'ObjectExpression') return undefined;
  let found: AnyNode;
  for (const p of obj.properties) if (isPlainProperty(p) && keyName(p) === name) found = p;
  return found;
}

export function getPropertyValue(obj: AnyNode, name: string): AnyNode | undefined {
  return getProperty(obj, name)?.value;
}

/** Sets (replacing the value in place) or appends `name: value`. */
export function setProperty(j: JSCodeshift, obj: AnyNode, name: string, value: AnyNode): void {
  const existing = getProperty(obj, name);
  if (existing) {
    existing.value = value;
    existing.shorthand = value.type === 'Identifier' && value.name === name && existing.key.type === 'Identifier';
    return;
  }
  obj.properties.push(makeProperty(j, name, value));
}

/** `name: value`, shorthand when the value is the identifier `name`; quoted key when `name` is not an identifier. */
export function makeProperty(j: JSCodeshift, name: string, value: AnyNode): AnyNode {
  const valid = /^[A-Za-z_$][\w$]*$/.test(name);
  const prop: AnyNode = j.objectProperty(valid ? j.identifier(name) : j.stringLiteral(name), value);
  if (valid && value.type === 'Identifier' && value.name === name) prop.shorthand = true;
  return prop;
}

export function removeProperty(obj: AnyNode, name: string): boolean {
  const before = obj.properties.length;
  obj.properties = obj.properties.filter((p: AnyNode) => !(isPlainProperty(p) && keyName(p) === name));
  return obj.properties.length !== before;
}

/** Strips TS wrappers that do not change the value: `x as T`, `x!`, `<T>x`, `x satisfies T`, parentheses. */
export function unwrapExpression(node: AnyNode): AnyNode {
  let n = node;
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ParenthesizedExpression')
  ) {
    n = n.expression;
  }
  return n;
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
