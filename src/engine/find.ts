/**
 * A faster `Collection.find`, visit for visit the same as jscodeshift's.
 *
 * jscodeshift answers every `find(type, filter)` with a fresh ast-types `PathVisitor`: each call recomputes
 * the visitor's method table over every node type the library knows, and the walk goes through visitor
 * contexts per matched node. The codemods call `find` hundreds of times per file, so that overhead was the
 * largest single cost of a run. This walk does exactly what the PathVisitor does for `find` — the same
 * children in the same order (`getFieldNames`, array holes skipped, `comments` only when the type asked for
 * is a comment type), the same defaults filled into nodes that lack a field, the same `NodePath` objects
 * (through `path.get`, so paths the codemods hold stay valid) — with the type table computed once per type
 * and no visitor objects. It always walks the tree as it is now, so a codemod that changed the tree finds
 * what it added and never what it removed.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

type AnyNode = Record<string, unknown> & { type?: unknown; comments?: unknown };
type Table = Record<string, true>;
type Filter = ((node: unknown) => boolean) | Record<string, unknown> | undefined;

interface AstTypes {
  namedTypes: Record<string, unknown>;
  getSupertypeNames(typeName: string): string[];
  getFieldNames(value: unknown): string[];
  getFieldValue(value: unknown, name: string): unknown;
}

const hasOwn = Object.prototype.hasOwnProperty;
const toString = Object.prototype.toString;

let installed = false;

/** jscodeshift's own `find`, kept for comparison (tests) once the fast one is installed. */
export let stockFind: ((this: Collection, type: unknown, filter?: Filter) => Collection) | null = null;

/** Replaces jscodeshift's `find` (registered for Node collections) by the walk below; once per process. */
export function installFastFind(j: JSCodeshift): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CollectionModule = require('jscodeshift/src/Collection') as { fromPaths(paths: ASTPath[], parent?: unknown, type?: unknown): Collection };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const matchNode = require('jscodeshift/src/matchNode') as (haystack: unknown, needle: unknown) => boolean;
  const proto = Object.getPrototypeOf(CollectionModule.fromPaths([])) as { find?: { typedRegistrations?: Record<string, unknown> } };
  const registrations = proto.find?.typedRegistrations;
  // Another jscodeshift layout: keep its own find rather than guess.
  if (!registrations || typeof registrations.Node !== 'function') return;
  const types = j.types as unknown as AstTypes;
  const tables = new Map<string, { table: Table; comments: boolean }>();
  const fieldNames = new Map<string, string[]>();

  const tableFor = (typeName: string) => {
    let entry = tables.get(typeName);
    if (!entry) {
      const table: Table = Object.create(null) as Table;
      // What ast-types' computeSupertypeLookupTable gives for one candidate: every type that is it or has it as a supertype.
      for (const name of Object.keys(types.namedTypes)) {
        if (name === typeName || types.getSupertypeNames(name).includes(typeName)) table[name] = true;
      }
      // PathVisitor visits `comments` only when its table names Block or Line.
      entry = { table, comments: hasOwn.call(table, 'Block') || hasOwn.call(table, 'Line') };
      tables.set(typeName, entry);
    }
    return entry;
  };

  /** getFieldNames, with the def's list cached per type (the list is fixed once the defs are finalized). */
  const namesOf = (value: AnyNode): string[] => {
    const type = value.type;
    if (typeof type === 'string') {
      let names = fieldNames.get(type);
      if (!names) {
        // For a node with a string type, getFieldNames answers only from a finalized def (else it throws).
        names = types.getFieldNames(value);
        fieldNames.set(type, names);
      }
      return names;
    }
    return types.getFieldNames(value);
  };

  function find(this: Collection & { __paths: ASTPath[] }, type: { toString(): string }, filter?: Filter): Collection {
    const { table, comments } = tableFor(type.toString());
    const found: ASTPath[] = [];
    let root: ASTPath | null = null;

    const visit = (path: ASTPath): void => {
      const value = path.value as AnyNode | null;
      if (value && typeof value === 'object' && typeof value.type === 'string' && table[value.type] === true) {
        if (path !== root && (!filter || matchNode(value, filter))) found.push(path);
      }
      children(path);
    };

    const children = (path: ASTPath): void => {
      const value = path.value as unknown;
      const kind = toString.call(value);
      if (kind === '[object Array]') {
        const list = value as unknown[];
        const len = list.length;
        const paths: ASTPath[] = [];
        for (let i = 0; i < len; i++) if (hasOwn.call(list, i)) paths[i] = path.get(i) as ASTPath;
        for (let i = 0; i < len; i++) if (hasOwn.call(paths, i)) visit(paths[i]!);
        return;
      }
      if (kind !== '[object Object]') return;
      const node = value as AnyNode;
      let names = namesOf(node);
      if (comments && node.comments && !names.includes('comments')) names = [...names, 'comments'];
      const count = names.length;
      const paths: ASTPath[] = new Array<ASTPath>(count);
      for (let i = 0; i < count; i++) {
        const name = names[i]!;
        if (!hasOwn.call(node, name)) node[name] = types.getFieldValue(node, name);
        paths[i] = path.get(name) as ASTPath;
      }
      for (let i = 0; i < count; i++) visit(paths[i]!);
    };

    for (const path of this.__paths) {
      root = path;
      visit(path);
    }
    return CollectionModule.fromPaths(found, this, type);
  }

  stockFind = registrations.Node as typeof stockFind;
  registrations.Node = find;
}
