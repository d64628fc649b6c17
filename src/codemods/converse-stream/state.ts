/**
 * What the loop analysis carries from step to step (loop.ts), and small tree-reading helpers shared by
 * its parts: the prelude (prelude.ts), the event branches (branches.ts), the placement (arrange.ts).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { AnyNode } from '../../ast/bedrock';
import type { RefusalComparison } from '../../bedrock/stream/refusal';
import { isMember, memberName } from './chain';
import { CELLS, type Cell, type FieldMap, type Group } from './events';

export interface State {
  ev: string;
  chunk?: string;
  chunkDeclarator?: AnyNode;
  /** `c` in `for await (const { chunk: c } of …)`. */
  chunkMember?: string;
  bytesVars: Set<string>;
  textVars: Set<string>;
  typeAliases: Set<string>;
  /** `const decoder = new TextDecoder()` names used by the decode (removed when nothing else uses them). */
  decoders: Set<string>;
  /** Decoders declared inside the loop body. */
  localDecoders: Set<string>;
  /** Top-level statements of the loop body, with what becomes of each. */
  roles: Map<AnyNode, 'keep' | 'drop' | 'handlers'>;
  handlers: ASTPath[];
  /** Same-file decode helpers (function declarations or declarators), removed when no longer called. */
  helpers: Set<ASTPath>;
  /** `const metrics = chunk['amazon-bedrock-invocationMetrics']`: names for parts of the event. */
  fieldAliases: Array<{ name: string; props: string[]; cells: Set<Cell>; event: string }>;
  /** Handler tables (`handlers[chunk.type]?.(chunk)`) whose functions were inlined: removed on apply. */
  tables: ASTPath[];
  /** `else if (event.throttlingException) …` links after a `if (event.chunk) {…}` wrapper. */
  errorElse?: AnyNode;
  /** `try { const chunk = JSON.parse(…); …handlers… } catch …`: the rewritten branches go inside its block. */
  wrapperTry?: AnyNode;
  /** `let chunk; try { chunk = JSON.parse(…); } catch …`: the `try` that only decodes (dropped). */
  tryDecode?: { node: AnyNode; assignment: AnyNode };
  /** A variable (declared before the loop) that keeps the stop reason for statements moved to `metadata`. */
  stopCapture?: string;
}

export interface Leaf {
  path: ASTPath;
  cells: Set<Cell>;
  truthy: boolean;
  /** The name the decoded event has there (the parameter name inside a handler-table function). */
  name: string;
  /**
   * `if (chunk.type === 'message_delta' && chunk.delta.stop_reason === 'max_tokens') …`: the event-type
   * part selects the branch, the rest (these slots of the `&&` chain) stays as the statement's own test.
   */
  guard?: Slot[];
}

/** A place in the tree read again after the field rewrites: `parent[key]`. */
export interface Slot {
  parent: AnyNode;
  key: string;
}

export interface MappedLeaf {
  node: AnyNode;
  name: string;
  guard?: Slot[];
  group: Group;
  late: boolean;
  /** `capture`: the read becomes the variable that keeps `messageStop.stopReason` (State.stopCapture). */
  /** `deltaEvent`: the whole event, forwarded, becomes `toAnthropicDeltaEvent(ev.contentBlockDelta)`. */
  replacements: Array<{ path: ASTPath; map: FieldMap; capture?: boolean; deltaEvent?: boolean }>;
  /** Comparisons of the stop reason with `'refusal'`, rewritten after the reads (bedrock/stream/refusal.ts). */
  refusals: RefusalComparison[];
}

export const UNIVERSE: ReadonlySet<Cell> = new Set(CELLS);

export const intersect = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => new Set([...a].filter((c) => b.has(c)));

export const minus = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => new Set([...a].filter((c) => !b.has(c)));

export function mentions(j: JSCodeshift, node: AnyNode, name: string): boolean {
  return identifierUses(j, node, name).length > 0;
}

/** Uses of `name` in `node` that read `name.<x>` with `x` not accepted (or use `name` bare). */
export function mentionsOther(j: JSCodeshift, node: AnyNode, name: string, accepted: (member: string) => boolean): boolean {
  return identifierUses(j, node, name).some((p) => {
    const parent: AnyNode = p.parentPath.node;
    const m = isMember(parent) && parent.object === p.node ? memberName(parent) : undefined;
    return !m || !accepted(m);
  });
}

/** Uses of `name` under `path` that sit inside one of `within` (nodes under `path`). */
export function usesWithin(j: JSCodeshift, path: ASTPath, name: string, within: AnyNode[]): ASTPath[] {
  return identifierUses(j, path, name).filter((p) => {
    for (let cur: AnyNode = p; cur && cur !== path; cur = cur.parent) if (within.includes(cur.node)) return true;
    return false;
  });
}

/** Identifier paths that are references (not property keys) to `name` inside `node`. */
export function identifierUses(j: JSCodeshift, node: AnyNode, name: string): ASTPath[] {
  const out: ASTPath[] = [];
  j(node)
    .find(j.Identifier, { name } as never)
    .forEach((p) => {
      const parent: AnyNode = p.parentPath.node;
      if (isMember(parent) && parent.property === p.node && !parent.computed) return;
      if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === p.node && !parent.computed && !parent.shorthand) return;
      out.push(p as ASTPath);
    });
  // j(node) on a bare node misses the node itself when it is the identifier.
  if (node?.type === 'Identifier' && node.name === name && out.length === 0) out.push({ node, parentPath: { node: {} } } as never);
  return out;
}

export function singleDeclarator(node: AnyNode): AnyNode | undefined {
  return node?.type === 'VariableDeclaration' && node.declarations.length === 1 ? node.declarations[0] : undefined;
}
