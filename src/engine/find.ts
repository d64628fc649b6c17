/**
 * A faster `Collection.find`, visit for visit the same as jscodeshift's.
 *
 * jscodeshift answers every `find(type, filter)` with a fresh ast-types `PathVisitor`: each call recomputes
 * the visitor's method table over every node type the library knows, and the walk goes through visitor
 * contexts per matched node. The codemods call `find` hundreds of times per file, so that overhead was the
 * largest single cost of a run. This walk does exactly what the PathVisitor does for `find` — the same
 * children in the same order (`getFieldNames`, array holes skipped, `comments` only when the type asked for
 * is a comment type, and no path for a field that holds no object), the same defaults filled into nodes
 * that lack a field, the same `NodePath` objects
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

/**
 * Only an object or an array can hold a node: a field whose value is a string, a number, a boolean or
 * null has nothing below it to find, so the walk makes no path for it (PathVisitor makes one and finds
 * nothing in it; about two visits in three on a real tree).
 */
function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}
const toString = Object.prototype.toString;

let installed = false;

/** jscodeshift's own `find`, kept for comparison (tests) once the fast one is installed. */
export let stockFind: ((this: Collection, type: unknown, filter?: Filter) => Collection) | null = null;

type NamedType = { toString(): string };
type Walk = (starts: readonly ASTPath[], typeNames: readonly string[], filter: Filter) => ASTPath[][];

/** The one walk, once installed: the paths below `starts` of each type, each list in pre-order. */
let walk: Walk | null = null;
let fromPaths: ((paths: ASTPath[], parent?: unknown, type?: unknown) => Collection) | null = null;

/**
 * `collection.find(t)` for each of `types`, in one walk of the tree instead of one per type: the lists are
 * exactly what the separate finds give (same paths, same order).
 */
export function findEach(collection: Collection, types: readonly NamedType[]): ASTPath[][] {
  if (!walk) return types.map((t) => collection.find(t as never).paths() as ASTPath[]);
  return walk((collection as unknown as { __paths: ASTPath[] }).__paths, types.map(String), undefined);
}

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
  const tables = new Map<string, Table>();
  const fieldNames = new Map<string, string[]>();

  /** What ast-types' computeSupertypeLookupTable gives for one candidate: every type that is it or has it as a supertype. */
  const tableFor = (typeName: string): Table => {
    let table = tables.get(typeName);
    if (!table) {
      table = Object.create(null) as Table;
      for (const name of Object.keys(types.namedTypes)) {
        if (name === typeName || types.getSupertypeNames(name).includes(typeName)) table[name] = true;
      }
      tables.set(typeName, table);
    }
    return table;
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

  /** `path.get(name)`, taking the child path from the path's own cache when it still holds the value. */
  const childOf = (path: ASTPath, value: Record<string | number, unknown>, name: string | number): ASTPath => {
    const cache = (path as unknown as { __childCache?: Record<string | number, ASTPath> | null }).__childCache;
    if (cache != null && hasOwn.call(cache, name)) {
      const actual = value[name];
      const cached = cache[name]!;
      if (actual !== undefined && cached.value === actual) return cached;
    }
    return path.get(name) as ASTPath;
  };

  walk = (starts, typeNames, filter) => {
    const wanted = typeNames.map(tableFor);
    const count = wanted.length;
    // PathVisitor visits `comments` only when its table names Block or Line.
    const comments = wanted.some((t) => hasOwn.call(t, 'Block') || hasOwn.call(t, 'Line'));
    const found: ASTPath[][] = wanted.map(() => []);
    let root: ASTPath | null = null;

    const visit = (path: ASTPath): void => {
      const value = path.value as AnyNode | null;
      if (path !== root && value && typeof value === 'object' && typeof value.type === 'string') {
        const type = value.type;
        for (let i = 0; i < count; i++) {
          if (wanted[i]![type] === true && (!filter || matchNode(value, filter))) found[i]!.push(path);
        }
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
        for (let i = 0; i < len; i++) if (hasOwn.call(list, i) && isObject(list[i])) paths[i] = childOf(path, list as never, i);
        for (let i = 0; i < len; i++) if (hasOwn.call(paths, i)) visit(paths[i]!);
        return;
      }
      if (kind !== '[object Object]') return;
      const node = value as AnyNode;
      let names = namesOf(node);
      if (comments && node.comments && !names.includes('comments')) names = [...names, 'comments'];
      // PathVisitor fills every missing field of a node before it visits the first child; a find only
      // reads below, so visiting each field as it comes finds the same paths in the same order.
      const n = names.length;
      for (let i = 0; i < n; i++) {
        const name = names[i]!;
        if (!hasOwn.call(node, name)) node[name] = types.getFieldValue(node, name);
        if (isObject(node[name])) visit(childOf(path, node, name));
      }
    };

    for (const path of starts) {
      root = path;
      visit(path);
    }
    return found;
  };
  fromPaths = CollectionModule.fromPaths;

  function find(this: Collection & { __paths: ASTPath[] }, type: NamedType, filter?: Filter): Collection {
    return fromPaths!(walk!(this.__paths, [type.toString()], filter)[0]!, this, type);
  }

  stockFind = registrations.Node as typeof stockFind;
  registrations.Node = find;
}
