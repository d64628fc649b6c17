/**
 * Shared jscodeshift helpers for code that uses `@aws-sdk/client-bedrock-runtime`:
 * - where the runtime module's exports are bound locally, in every import style;
 * - the command constructions (`new InvokeModelCommand(...)`, `new br.InvokeModelCommand(...)`) and the
 *   aggregated client calls (`client.invokeModel({...})`);
 * - adding and removing imports of the module;
 * - re-exported: object-literal helpers (./objects) and names and scopes (./scope).
 *
 * AST nodes are handled as `any`: the codemods accept both the Babel (`ObjectProperty`, `StringLiteral`)
 * and the ESTree (`Property`, `Literal`) shapes, which the jscodeshift typings do not unify.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findEach } from '../engine/find';
import { countReferences } from './scope';
import { getProperty, isStringLiteral, keyName, staticString, unwrapExpression } from './objects';

export * from './objects';
export * from './scope';

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

/** Whether any node can refer to `exportName` under these bindings (refersToExport): else a search need not walk. */
function mayReferTo(bindings: RuntimeBindings, exportName: string): boolean {
  if (bindings.namespaces.size > 0) return true;
  for (const exported of bindings.named.values()) if (exported === exportName) return true;
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
  if (!mayReferTo(bindings, exportName)) return out;
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
  if (!mayReferTo(bindings, 'BedrockRuntime')) return names;
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
  if (!mayReferTo(bindings, exportName)) return out;
  root.find(j.TSTypeReference).forEach((p) => {
    if (refersToExport(bindings, (p.node as AnyNode).typeName, exportName)) out.push(p as ASTPath);
  });
  return out;
}

// ---------------------------------------------------------------- imports: add / remove

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
