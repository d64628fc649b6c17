/**
 * The `for await (const event of response.body)` loop of an InvokeModelWithResponseStream call:
 * reads it (decode prelude, error checks, event-type branches), decides whether every branch has a
 * ConverseStream counterpart, and — only then — rebuilds it on ConverseStream events.
 *
 *   for await (const event of response.body) {            for await (const event of response.stream) {
 *     const chunk = JSON.parse(                              if (event.contentBlockDelta?.delta?.text !== undefined) {
 *       new TextDecoder().decode(event.chunk?.bytes));         out += event.contentBlockDelta.delta.text;
 *     if (chunk.type === 'content_block_delta' &&   →        } else if (event.messageStop) {
 *         chunk.delta.type === 'text_delta') {                 stop = event.messageStop.stopReason;
 *       out += chunk.delta.text;                             }
 *     } else if (chunk.type === 'message_delta') {         }
 *       stop = chunk.delta.stop_reason;
 *     }
 *   }
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { countReferences, declarationOf, keyName, referencePaths, removeDeclarator, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { accessesFrom, buildChain, isChainOf, isMember, memberName, readChain, stripNonNull } from './chain';
import {
  BRANCH_TESTS,
  CELLS,
  DISCRIMINANTS,
  FIELDS,
  groupOf,
  INVOKE_ONLY_ERROR_MEMBERS,
  SHARED_ERROR_MEMBERS,
  type Branch,
  type Cell,
  type FieldMap,
  type Group,
} from './events';

export type Plan = { ok: true; apply(): void } | { ok: false; reason: string };

class Unmappable extends Error {}
const fail = (reason: string): never => {
  throw new Unmappable(reason);
};

interface State {
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
}

interface Leaf {
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
interface Slot {
  parent: AnyNode;
  key: string;
}

interface MappedLeaf {
  node: AnyNode;
  name: string;
  guard?: Slot[];
  group: Group;
  late: boolean;
  replacements: Array<{ path: ASTPath; map: FieldMap }>;
}

const UNIVERSE: ReadonlySet<Cell> = new Set(CELLS);
const intersect = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => new Set([...a].filter((c) => b.has(c)));
const minus = (a: ReadonlySet<Cell>, b: ReadonlySet<Cell>) => new Set([...a].filter((c) => !b.has(c)));

/** Analyses the loop; `apply()` rewrites it. Nothing is changed unless every part has a counterpart. */
export function planLoop(ctx: CodemodContext, loop: ASTPath, ts: boolean): Plan {
  try {
    return analyse(ctx, loop, ts);
  } catch (error) {
    if (error instanceof Unmappable) return { ok: false, reason: error.message };
    throw error;
  }
}

function analyse(ctx: CodemodContext, loop: ASTPath, ts: boolean): Plan {
  const { j } = ctx;
  const node: AnyNode = loop.node;
  const left = node.left;
  const decl = left?.type === 'VariableDeclaration' && left.declarations.length === 1 ? left.declarations[0] : undefined;
  if (node.body.type !== 'BlockStatement') fail('the loop body is not a block');
  // `for await (const { chunk } of …)`: the rewritten loop needs the whole event under a new name.
  const chunkMember = chunkPatternName(decl?.id);
  let ev: string;
  if (chunkMember) {
    const free = ['event', 'streamEvent', 'converseEvent'].find((n) => !mentions(j, node, n) && !mentions(j, node.body, n));
    if (!free) fail('no free name for the stream event');
    ev = free as string;
  } else {
    if (decl?.id?.type !== 'Identifier') fail('the loop variable is not a plain identifier');
    ev = decl.id.name;
  }
  const state: State = {
    ev,
    chunkMember,
    bytesVars: new Set(),
    textVars: new Set(),
    typeAliases: new Set(),
    decoders: new Set(),
    localDecoders: new Set(),
    roles: new Map(),
    handlers: [],
    tables: [],
    helpers: new Set(),
    fieldAliases: [],
  };
  const bodyPath = loop.get('body') as ASTPath;
  const statements = (bodyPath.get('body') as AnyNode).map((p: ASTPath) => p) as ASTPath[];
  readPrelude(ctx, statements, state, true);
  if (!state.chunk) fail('no decode of `chunk.bytes` through JSON.parse was found in the loop');
  if (state.handlers.length === 0) fail('the decoded events are not handled in the loop');
  checkEventVariableUses(j, bodyPath, state);

  // Branches → leaves with the set of Anthropic events they run for.
  const leaves: Leaf[] = [];
  collect(j, state.handlers, UNIVERSE, false, leaves, state);
  const mapped = dropSkips(leaves.filter((l) => l.cells.size > 0)).map((l) => mapLeaf(j, l, state));
  if (mapped.length === 0) fail('no branch handles an event that ConverseStream sends');
  const branches = arrangeBranches(j, mapped, bodyPath, state);

  return {
    ok: true,
    apply() {
      for (const leaf of mapped) {
        for (const { path, map } of leaf.replacements) path.replace(buildChain(j, ev, map.to, ts, needsValue(path)));
      }
      const built = new Map<AnyNode, AnyNode>();
      for (const leaf of mapped) {
        if (!leaf.guard) continue;
        const test = leaf.guard.map((s) => s.parent[s.key]).reduce((a: AnyNode, b: AnyNode) => j.logicalExpression('&&', a, b));
        built.set(leaf.node, j.ifStatement(test, leaf.node.consequent, null));
      }
      let chain: AnyNode = state.errorElse ?? null;
      for (let i = branches.length - 1; i >= 0; i--) {
        const { branch, nodes } = branches[i];
        chain = j.ifStatement(branchTest(j, ev, branch, ts), j.blockStatement(nodes.map((n) => built.get(n) ?? n)), chain);
      }
      const out: AnyNode[] = [];
      let placed = false;
      for (const stmt of node.body.body as AnyNode[]) {
        const role = state.roles.get(stmt);
        if (role === 'keep') out.push(stmt);
        else if (role === 'handlers' && !placed) {
          out.push(chain);
          placed = true;
        }
      }
      node.body.body = out;
      if (state.chunkMember) decl.id = j.identifier(ev);
      for (const table of state.tables) removeDeclarator(j, table);
      removeUnusedDecoders(ctx, state);
    },
  };
}

/** False where `undefined` is as good as a value to TypeScript (comparisons, template literals). */
function needsValue(path: ASTPath): boolean {
  const parent: AnyNode = (path as AnyNode).parent?.node;
  if (parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) return false;
  return parent?.type !== 'TemplateLiteral';
}

function branchTest(j: JSCodeshift, ev: string, branch: Branch, ts: boolean): AnyNode {
  const test = BRANCH_TESTS[branch];
  const chain = buildChain(j, ev, test.path, ts);
  return test.defined ? j.binaryExpression('!==', chain, j.identifier('undefined')) : chain;
}

// ------------------------------------------------------------------ prelude: decode, guards, error checks

function isBytes(node: AnyNode, state: State): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'Identifier' && state.bytesVars.has(n.name)) return true;
  if (state.chunkMember && isChainOf(n, state.chunkMember, ['bytes'])) return true;
  return isChainOf(n, state.ev, ['chunk', 'bytes']);
}

function isTextDecoderNew(node: AnyNode): boolean {
  return node?.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'TextDecoder';
}

function isUtf8Label(node: AnyNode): boolean {
  return (node?.type === 'StringLiteral' || node?.type === 'Literal') && /^utf-?8$/i.test(String(node.value));
}

/** `new TextDecoder().decode(b)`, `decoder.decode(b)`, `Buffer.from(b).toString('utf8')`, or a variable holding one. */
function isDecode(ctx: CodemodContext, node: AnyNode, state: State): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'Identifier') return state.textVars.has(n.name);
  if (n?.type !== 'CallExpression' || !isMember(n.callee)) return false;
  const method = memberName(n.callee);
  const target = stripNonNull(n.callee.object);
  // A second argument (`{ stream: true }`) only matters for characters split across calls: every chunk
  // holds one whole JSON event.
  const streamOption = n.arguments.length === 2 && n.arguments[1].type === 'ObjectExpression';
  if (method === 'decode' && (n.arguments.length === 1 || streamOption) && isBytes(n.arguments[0], state)) {
    if (isTextDecoderNew(target) && (target.arguments.length === 0 || isUtf8Label(target.arguments[0]))) return true;
    if (target.type === 'Identifier' && isTextDecoderVariable(ctx, target.name, state)) {
      if (!state.localDecoders.has(target.name)) state.decoders.add(target.name);
      return true;
    }
    return false;
  }
  if (method === 'toString' && (n.arguments.length === 0 || (n.arguments.length === 1 && isUtf8Label(n.arguments[0])))) {
    return (
      target?.type === 'CallExpression' &&
      isChainOf(target.callee, 'Buffer', ['from']) &&
      target.arguments.length === 1 &&
      isBytes(target.arguments[0], state)
    );
  }
  return false;
}

function isTextDecoderVariable(ctx: CodemodContext, name: string, state: State): boolean {
  if (state.localDecoders.has(name)) return true;
  const { j, root } = ctx;
  const decls = root.find(j.VariableDeclarator).filter((p) => {
    const d: AnyNode = p.node;
    return d.id.type === 'Identifier' && d.id.name === name;
  });
  return decls.length === 1 && isTextDecoderNew((decls.get().node as AnyNode).init);
}

function isParse(ctx: CodemodContext, node: AnyNode, state: State): boolean {
  const n = unwrapExpression(node);
  if (n?.type !== 'CallExpression') return false;
  if (isChainOf(n.callee, 'JSON', ['parse'])) return n.arguments.length === 1 && isDecode(ctx, n.arguments[0], state);
  return isParseHelperCall(ctx, n, state);
}

/**
 * `decodeChunk(event)` / `parseEvent(event.chunk.bytes)` where the same-file helper only returns the
 * decoded JSON: read like the inline decode; the helper goes when nothing else calls it.
 */
function isParseHelperCall(ctx: CodemodContext, call: AnyNode, state: State): boolean {
  const { j, root } = ctx;
  if (call.callee.type !== 'Identifier' || call.arguments.length !== 1) return false;
  const name: string = call.callee.name;
  const found = root.find(j.Function).filter((p) => {
    const f: AnyNode = p.node;
    if (f.type === 'FunctionDeclaration') return f.id?.name === name;
    const parent: AnyNode = (p as AnyNode).parent?.node;
    return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.id.name === name && parent.init === f;
  });
  if (found.size() !== 1) return false;
  const fnPath = found.paths()[0] as ASTPath;
  const fn: AnyNode = fnPath.node;
  if (fn.async || fn.generator || fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return false;
  let returned: AnyNode;
  if (fn.body.type === 'BlockStatement') {
    if (fn.body.body.length !== 1 || fn.body.body[0].type !== 'ReturnStatement') return false;
    returned = fn.body.body[0].argument;
  } else returned = fn.body;
  const param: string = fn.params[0].name;
  const arg = unwrapExpression(call.arguments[0]);
  // Read the helper's body as if it were written in the loop.
  const inner: State = { ...state, bytesVars: new Set(), textVars: new Set(), decoders: new Set(), localDecoders: new Set() };
  if (arg.type === 'Identifier' && arg.name === state.ev) inner.ev = param;
  else if (isBytes(arg, state)) inner.bytesVars.add(param);
  else return false;
  if (!isParse(ctx, returned, inner)) return false;
  for (const d of inner.decoders) state.decoders.add(d);
  state.helpers.add(fn.type === 'FunctionDeclaration' ? fnPath : ((fnPath as AnyNode).parent as ASTPath));
  return true;
}

/** `event.chunk`, `event.chunk?.bytes`, a bytes variable, or `a && b` of those. */
function isChunkPresence(node: AnyNode, state: State): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'LogicalExpression' && n.operator === '&&') return isChunkPresence(n.left, state) && isChunkPresence(n.right, state);
  return isBytes(n, state) || isChainOf(n, state.ev, ['chunk']) || (!!state.chunkMember && isChainOf(n, state.chunkMember, []));
}

function chunkPatternName(id: AnyNode): string | undefined {
  if (id?.type !== 'ObjectPattern' || id.properties.length !== 1) return undefined;
  const p = id.properties[0];
  if ((p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed || keyName(p) !== 'chunk') return undefined;
  return p.value?.type === 'Identifier' ? p.value.name : undefined;
}

function isContinueOnly(node: AnyNode): boolean {
  if (node?.type === 'ContinueStatement' && !node.label) return true;
  return node?.type === 'BlockStatement' && node.body.length === 1 && isContinueOnly(node.body[0]);
}

/** Every `event.<x>` in the node reads a stream error member (kept as is). */
function errorMembersRead(j: JSCodeshift, node: AnyNode, state: State): string[] | undefined {
  const members: string[] = [];
  let other = false;
  j(node)
    .find(j.Identifier, { name: state.ev } as never)
    .forEach((p) => {
      const parent: AnyNode = p.parentPath.node;
      if (isMember(parent) && parent.property === p.node && !parent.computed) return;
      const name = isMember(parent) && parent.object === p.node ? memberName(parent) : undefined;
      if (name && (SHARED_ERROR_MEMBERS.has(name) || INVOKE_ONLY_ERROR_MEMBERS.has(name))) members.push(name);
      else other = true;
    });
  if (other || members.length === 0) return undefined;
  return members;
}

/** `if (event.modelStreamErrorException) throw …` (and else-if chains of such tests). */
function isErrorCheck(j: JSCodeshift, node: AnyNode, state: State): boolean {
  if (node?.type !== 'IfStatement') return false;
  const members = errorMembersRead(j, node.test, state);
  if (!members) return false;
  for (const m of members) {
    if (INVOKE_ONLY_ERROR_MEMBERS.has(m)) {
      fail(`\`${m}\` has no ConverseStream counterpart; decide how a model timeout surfaces now`);
    }
  }
  if (state.chunk && mentions(j, node, state.chunk)) return false;
  if (mentionsOther(j, node.consequent, state.ev, (m) => SHARED_ERROR_MEMBERS.has(m))) return false;
  return !node.alternate || isErrorCheck(j, node.alternate, state);
}

function mentions(j: JSCodeshift, node: AnyNode, name: string): boolean {
  return identifierUses(j, node, name).length > 0;
}

/** Uses of `name` in `node` that read `name.<x>` with `x` not accepted (or use `name` bare). */
function mentionsOther(j: JSCodeshift, node: AnyNode, name: string, accepted: (member: string) => boolean): boolean {
  return identifierUses(j, node, name).some((p) => {
    const parent: AnyNode = p.parentPath.node;
    const m = isMember(parent) && parent.object === p.node ? memberName(parent) : undefined;
    return !m || !accepted(m);
  });
}

/** Uses of `name` under `path` that sit inside one of `within` (nodes under `path`). */
function usesWithin(j: JSCodeshift, path: ASTPath, name: string, within: AnyNode[]): ASTPath[] {
  return identifierUses(j, path, name).filter((p) => {
    for (let cur: AnyNode = p; cur && cur !== path; cur = cur.parent) if (within.includes(cur.node)) return true;
    return false;
  });
}

/** Identifier paths that are references (not property keys) to `name` inside `node`. */
function identifierUses(j: JSCodeshift, node: AnyNode, name: string): ASTPath[] {
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

function singleDeclarator(node: AnyNode): AnyNode | undefined {
  return node?.type === 'VariableDeclaration' && node.declarations.length === 1 ? node.declarations[0] : undefined;
}

/**
 * Reads the statements before and around the handlers: decode declarations and presence guards are
 * dropped, error checks kept, a `if (event.chunk) { … }` wrapper is opened, the rest is the handlers.
 */
function readPrelude(ctx: CodemodContext, paths: ASTPath[], state: State, top: boolean): void {
  const { j } = ctx;
  for (const path of paths) {
    const node: AnyNode = path.node;
    const setRole = (role: 'keep' | 'drop' | 'handlers') => {
      if (top) state.roles.set(node, role);
    };
    if (state.chunk) {
      const d = singleDeclarator(node);
      if (d && d.id.type === 'Identifier' && d.init && isChainOf(d.init, state.chunk, ['type']) && node.kind === 'const') {
        state.typeAliases.add(d.id.name);
        setRole('drop');
        continue;
      }
      if (isErrorCheck(j, node, state)) {
        if (!top) fail('an error check sits among the event handlers');
        setRole('keep');
        continue;
      }
      state.handlers.push(path);
      setRole('handlers');
      continue;
    }
    if (node.type === 'EmptyStatement') {
      setRole('drop');
      continue;
    }
    if (isErrorCheck(j, node, state)) {
      if (!top) fail('an error check sits inside the chunk branch');
      setRole('keep');
      continue;
    }
    if (node.type === 'IfStatement' && !node.alternate && node.test.type === 'UnaryExpression' && node.test.operator === '!' && isChunkPresence(node.test.argument, state) && isContinueOnly(node.consequent)) {
      setRole('drop');
      continue;
    }
    const d = singleDeclarator(node);
    if (d && d.id.type === 'Identifier' && d.init) {
      const name = d.id.name;
      if (isTextDecoderNew(d.init)) state.localDecoders.add(name);
      else if (isBytes(d.init, state)) state.bytesVars.add(name);
      else if (isParse(ctx, d.init, state)) {
        state.chunk = name;
        state.chunkDeclarator = d;
      }
      else if (isDecode(ctx, d.init, state)) state.textVars.add(name);
      else fail(`\`${name}\` is computed before the event is decoded`);
      setRole('drop');
      continue;
    }
    if (node.type === 'IfStatement' && isChunkPresence(node.test, state) && node.consequent.type === 'BlockStatement') {
      if (!top) fail('nested chunk checks');
      if (node.alternate) {
        if (!isErrorCheck(j, node.alternate, state)) fail('the branch for non-chunk events does more than handle stream errors');
        state.errorElse = node.alternate;
      }
      const inner = ((path.get('consequent') as AnyNode).get('body') as AnyNode).map((p: ASTPath) => p) as ASTPath[];
      readPrelude(ctx, inner, state, false);
      if (!state.chunk) fail('the chunk branch does not decode the event');
      setRole('handlers');
      continue;
    }
    fail('the loop does something before decoding the event that has no ConverseStream counterpart');
  }
}

/** The loop variable may only be read by the decode, the guards and the error checks. */
function checkEventVariableUses(j: JSCodeshift, body: ASTPath, state: State): void {
  for (const h of state.handlers) {
    if (mentions(j, h.node, state.ev)) fail(`the handlers read the raw stream event \`${state.ev}\``);
    if (state.chunkMember && mentions(j, h.node, state.chunkMember)) fail(`the handlers read the raw \`${state.chunkMember}\``);
  }
  // Anything else reading the decoded event outside the handlers (e.g. logging it whole).
  for (const stmt of (body.node as AnyNode).body as AnyNode[]) {
    if (state.roles.get(stmt) === 'keep' && state.chunk && mentions(j, stmt, state.chunk)) fail('an error check reads the decoded event');
  }
  const declaredInside = j(body.node).find(j.VariableDeclarator).filter((p) => {
    const d: AnyNode = p.node;
    return d.id.type === 'Identifier' && (d.id.name === state.ev || d.id.name === state.chunk) && p.node !== state.chunkDeclarator;
  });
  if (j(body.node).find(j.Function).some((p) => mentionsParam(p.node as AnyNode, [state.ev, state.chunk as string]))) {
    fail('the event variable is shadowed inside the loop');
  }
  if (declaredInside.length > 0) fail('the event variable is shadowed inside the loop');
  if (state.chunk) {
    let reassigned = false;
    j(body.node)
      .find(j.AssignmentExpression)
      .forEach((p) => {
        const l: AnyNode = p.node.left;
        const c = readChain(l);
        if (c?.root?.type === 'Identifier' && (c.root.name === state.chunk || c.root.name === state.ev)) reassigned = true;
      });
    if (reassigned) fail('the decoded event is modified in the loop');
  }
}

function mentionsParam(fn: AnyNode, names: string[]): boolean {
  return (fn.params ?? []).some((p: AnyNode) => p.type === 'Identifier' && names.includes(p.name));
}

// ------------------------------------------------------------------ handlers: which events each statement runs for

type Pred = { kind: 'none' } | { kind: 'pred'; cells: Set<Cell>; truthy: boolean };

/** The discriminant a node reads: `chunk.type`, `chunk.delta.type`, `chunk.content_block.type`, or a `type` alias. */
function discriminantOf(node: AnyNode, state: State): string | undefined {
  const n = unwrapExpression(node);
  if (n?.type === 'Identifier' && state.typeAliases.has(n.name)) return 'type';
  const chain = readChain(n);
  if (!chain || chain.root?.type !== 'Identifier') return undefined;
  let props = chain.props;
  if (chain.root.name !== state.chunk) {
    const alias = state.fieldAliases.find((a) => a.name === chain.root.name && a.event === state.chunk);
    if (!alias) return undefined;
    props = [...alias.props, ...props];
  }
  const key = props.join('.');
  return key in DISCRIMINANTS ? key : undefined;
}

function literalValue(node: AnyNode): string | undefined {
  const n = unwrapExpression(node);
  if (n?.type === 'StringLiteral' || (n?.type === 'Literal' && typeof n.value === 'string')) return n.value;
  if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked;
  return undefined;
}

function cellsFor(disc: string, value: string): Set<Cell> {
  const cells = DISCRIMINANTS[disc][value];
  if (!cells) fail(`\`${disc} === '${value}'\` is not an event InvokeModelWithResponseStream sends for Claude`);
  return new Set(cells);
}

function hasDiscriminant(j: JSCodeshift, node: AnyNode, state: State): boolean {
  let found = discriminantOf(node, state) !== undefined;
  if (found) return true;
  j(node)
    .find(j.Node)
    .forEach((p) => {
      if (!found && discriminantOf(p.node, state)) found = true;
    });
  return found;
}

function isTextAtom(node: AnyNode, state: State): boolean {
  return !!state.chunk && isChainOf(unwrapExpression(node), state.chunk, ['delta', 'text']);
}

function evalTest(j: JSCodeshift, test: AnyNode, state: State): Pred {
  if (!hasDiscriminant(j, test, state)) {
    if (isTextAtom(test, state)) return { kind: 'pred', cells: new Set(['content_block_delta:text_delta']), truthy: true };
    return { kind: 'none' };
  }
  return { kind: 'pred', ...evalPred(j, test, state) };
}

function evalPred(j: JSCodeshift, node: AnyNode, state: State): { cells: Set<Cell>; truthy: boolean } {
  const n = unwrapExpression(node);
  if (n.type === 'LogicalExpression' && (n.operator === '&&' || n.operator === '||')) {
    const a = evalPred(j, n.left, state);
    const b = evalPred(j, n.right, state);
    if (n.operator === '&&') return { cells: intersect(a.cells, b.cells), truthy: a.truthy || b.truthy };
    if (a.truthy || b.truthy) fail('a text test is combined with `||`');
    return { cells: new Set([...a.cells, ...b.cells]), truthy: false };
  }
  if (n.type === 'UnaryExpression' && n.operator === '!') {
    const a = evalPred(j, n.argument, state);
    if (a.truthy) fail('a negated text test');
    return { cells: minus(UNIVERSE, a.cells), truthy: false };
  }
  if (n.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(n.operator)) {
    let disc = discriminantOf(n.left, state);
    let value = literalValue(n.right);
    if (!disc) {
      disc = discriminantOf(n.right, state);
      value = literalValue(n.left);
    }
    if (disc && value !== undefined) {
      const cells = cellsFor(disc, value);
      return { cells: n.operator.startsWith('!') ? minus(UNIVERSE, cells) : cells, truthy: false };
    }
  }
  if (isTextAtom(n, state)) return { cells: new Set(['content_block_delta:text_delta']), truthy: true };
  if (n.type === 'CallExpression' && isMember(n.callee) && memberName(n.callee) === 'includes' && n.arguments.length === 1) {
    const list = unwrapExpression(n.callee.object);
    const disc = discriminantOf(n.arguments[0], state);
    if (disc && list.type === 'ArrayExpression') {
      const cells = new Set<Cell>();
      for (const el of list.elements) {
        const value = literalValue(el);
        if (value === undefined) fail('an event-type list that is not made of strings');
        for (const c of cellsFor(disc, value as string)) cells.add(c);
      }
      return { cells, truthy: false };
    }
  }
  return fail('an event-type test this codemod cannot read');
}

/** Unlabeled `break`s that would leave `node` (not nested in a loop or switch of their own). */
function escapingBreaks(node: AnyNode): number {
  let count = 0;
  const visit = (n: AnyNode, inner: boolean) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach((x) => visit(x, inner));
      return;
    }
    if (typeof n.type !== 'string') return;
    if (n.type === 'BreakStatement' && !n.label && !inner) count++;
    if (/Function|ClassMethod|ObjectMethod/.test(n.type)) return;
    const nested = inner || /^(For|ForIn|ForOf|While|DoWhile)Statement$|^SwitchStatement$/.test(n.type);
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'comments' || key === 'tokens' || key === 'original') continue;
      const v = n[key];
      if (v && typeof v === 'object') visit(v, nested);
    }
  };
  visit(node, false);
  return count;
}

function endsAbruptly(stmts: AnyNode[]): boolean {
  const last = stmts[stmts.length - 1];
  return !!last && ['ReturnStatement', 'ThrowStatement', 'ContinueStatement', 'BreakStatement'].includes(last.type);
}

function collect(j: JSCodeshift, paths: ASTPath[], cells: ReadonlySet<Cell>, truthy: boolean, out: Leaf[], state: State): void {
  for (const path of paths) {
    const node: AnyNode = path.node;
    if (node.type === 'EmptyStatement') continue;
    if (node.type === 'BlockStatement') {
      collect(j, children(path, 'body'), cells, truthy, out, state);
      continue;
    }
    if (node.type === 'IfStatement') {
      const guarded = splitGuard(j, node.test, state);
      if (guarded) {
        if (hasDiscriminant(j, node.consequent, state)) fail('event-type tests nested under a combined test');
        out.push({ path, cells: intersect(cells, guarded.cells), truthy, name: state.chunk as string, guard: guarded.guard });
        // The else branch also runs when the rest of the test fails: it still sees those events.
        if (node.alternate) collect(j, [path.get('alternate') as ASTPath], cells, truthy, out, state);
        continue;
      }
      const pred = evalTest(j, node.test, state);
      const narrowOnlyText = pred.kind === 'pred' && pred.truthy && !hasDiscriminant(j, node.test, state) && cells.size === 1 && cells.has('content_block_delta:text_delta');
      if (pred.kind === 'pred' && !narrowOnlyText) {
        collect(j, [path.get('consequent') as ASTPath], intersect(cells, pred.cells), truthy || pred.truthy, out, state);
        // An empty text delta fails a truthiness test: the else branch still sees text deltas.
        const rest = pred.truthy ? new Set(cells) : minus(cells, pred.cells);
        if (node.alternate) collect(j, [path.get('alternate') as ASTPath], rest, truthy, out, state);
        continue;
      }
    }
    if (node.type === 'SwitchStatement' && discriminantOf(node.discriminant, state)) {
      collectSwitch(j, path, cells, truthy, out, state);
      continue;
    }
    if (node.type === 'ExpressionStatement' && collectTable(j, path, cells, truthy, out, state)) continue;
    if (readFieldAlias(node, cells, state)) continue;
    out.push({ path, cells: new Set(cells), truthy, name: state.chunk as string });
  }
}

/**
 * `handlers[chunk.type]?.(chunk)` with `handlers` a `const` object literal used only here, keyed by event
 * type, whose functions take the event: each function body is read as the branch for its key.
 */
function collectTable(j: JSCodeshift, path: ASTPath, cells: ReadonlySet<Cell>, truthy: boolean, out: Leaf[], state: State): boolean {
  const call: AnyNode = unwrapExpression((path.node as AnyNode).expression);
  if (call?.type !== 'OptionalCallExpression' || !call.optional || call.arguments.length !== 1) return false;
  const callee = call.callee;
  if (!isMember(callee) || !callee.computed || callee.object.type !== 'Identifier') return false;
  if (discriminantOf(callee.property, state) !== 'type') return false;
  if (!isChainOf(call.arguments[0], state.chunk as string, [])) fail('a handler table is called with something else than the event');
  const tableName: string = callee.object.name;
  const decl = declarationOf(tableName, path);
  const d: AnyNode = decl?.node;
  if (d?.type !== 'VariableDeclarator' || d.init?.type !== 'ObjectExpression' || (decl.parentPath.node as AnyNode).kind !== 'const') {
    fail(`the handler table \`${tableName}\` is not a \`const\` object literal in this file`);
  }
  if (referencePaths(j, j(path).closest(j.Program), tableName, decl).length !== 1) fail(`the handler table \`${tableName}\` is used elsewhere too`);
  const props = (decl.get('init') as AnyNode).get('properties') as AnyNode;
  const chunk = state.chunk as string;
  (d.init.properties as AnyNode[]).forEach((prop, i) => {
    const key = keyName(prop);
    if (key === undefined || prop.computed) fail('a handler table with a computed key');
    const cellsOfKey = cellsFor('type', key as string);
    const propPath = props.get(i) as AnyNode;
    const fn: AnyNode = prop.type === 'ObjectMethod' ? prop : prop.value;
    const fnPath: AnyNode = prop.type === 'ObjectMethod' ? propPath : propPath.get('value');
    if (!['ArrowFunctionExpression', 'FunctionExpression', 'ObjectMethod'].includes(fn?.type) || fn.async || fn.generator) {
      fail(`the \`${key}\` handler is not a plain function`);
    }
    if (fn.params.length > 1 || (fn.params[0] && fn.params[0].type !== 'Identifier')) fail(`the \`${key}\` handler takes more than the event`);
    const param: string | undefined = fn.params[0]?.name;
    const body: AnyNode = fn.body;
    if (body.type !== 'BlockStatement') fail(`the \`${key}\` handler is an expression; write it as a block to migrate it`);
    if (j(body).find(j.ReturnStatement).some((r) => !insideNestedFunction(r as ASTPath, body))) fail(`the \`${key}\` handler returns a value`);
    if (fn.type !== 'ArrowFunctionExpression' && (j(body).find(j.ThisExpression).size() > 0 || mentions(j, body, 'arguments'))) {
      fail(`the \`${key}\` handler uses \`this\` or \`arguments\``);
    }
    for (const name of [state.ev, chunk]) {
      if (name !== param && mentions(j, body, name)) fail(`the \`${key}\` handler reads an outer \`${name}\`, which the loop variable would hide`);
    }
    state.chunk = param ?? `\u0000${key}`;
    try {
      collect(j, children(fnPath.get('body'), 'body'), intersect(cells, cellsOfKey), truthy, out, state);
    } finally {
      state.chunk = chunk;
    }
  });
  state.tables.push(decl);
  return true;
}

function insideNestedFunction(p: ASTPath, stop: AnyNode): boolean {
  for (let cur: AnyNode = (p as AnyNode).parent; cur && cur.node !== stop; cur = cur.parent) {
    if (/Function|ObjectMethod|ClassMethod/.test(cur.node.type)) return true;
  }
  return false;
}

/** `a && b && c` where some conjuncts test the event type and the others do not. */
function splitGuard(j: JSCodeshift, test: AnyNode, state: State): { cells: Set<Cell>; guard: Slot[] } | undefined {
  const slots: Slot[] = [];
  const flatten = (parent: AnyNode, key: string) => {
    const n = parent[key];
    if (n?.type === 'LogicalExpression' && n.operator === '&&') {
      flatten(n, 'left');
      flatten(n, 'right');
    } else slots.push({ parent, key });
  };
  const holder = { test };
  flatten(holder, 'test');
  if (slots.length < 2) return undefined;
  const typed = slots.filter((s) => hasDiscriminant(j, s.parent[s.key], state));
  const rest = slots.filter((s) => !typed.includes(s));
  if (typed.length === 0 || rest.length === 0) return undefined;
  let cells = new Set<Cell>(UNIVERSE);
  for (const slot of typed) {
    const p = evalPred(j, slot.parent[slot.key], state);
    if (p.truthy) return undefined;
    cells = intersect(cells, p.cells);
  }
  if (rest.some((s) => isTextAtom(s.parent[s.key], state))) return undefined;
  return { cells, guard: rest };
}

function children(path: ASTPath, key: string): ASTPath[] {
  return (path.get(key) as AnyNode).map((p: ASTPath) => p) as ASTPath[];
}

function collectSwitch(j: JSCodeshift, path: ASTPath, cells: ReadonlySet<Cell>, truthy: boolean, out: Leaf[], state: State): void {
  const node: AnyNode = path.node;
  const disc = discriminantOf(node.discriminant, state) as string;
  const named = new Set<Cell>();
  for (const c of node.cases as AnyNode[]) {
    if (!c.test) continue;
    const value = literalValue(c.test);
    if (value === undefined) fail('a `case` that is not a string');
    for (const cell of cellsFor(disc, value as string)) named.add(cell);
  }
  let pending = new Set<Cell>();
  const cases = children(path, 'cases');
  cases.forEach((casePath, index) => {
    const c: AnyNode = casePath.node;
    const own = c.test ? cellsFor(disc, literalValue(c.test) as string) : minus(UNIVERSE, named);
    for (const cell of own) pending.add(cell);
    if (c.consequent.length === 0) return;
    const body = children(casePath, 'consequent');
    let stmts = body;
    const last: AnyNode = body[body.length - 1].node;
    if (last.type === 'BreakStatement' && !last.label) stmts = body.slice(0, -1);
    else if (!endsAbruptly(c.consequent) && index < cases.length - 1) fail('a `case` falls through into the next one');
    if (stmts.some((p) => escapingBreaks(p.node) > 0)) fail('a `break` inside a `case` branch');
    collect(j, stmts, intersect(cells, pending), truthy, out, state);
    pending = new Set();
  });
}

// ------------------------------------------------------------------ leaves: field reads, lateness

/**
 * `const metrics = chunk['amazon-bedrock-invocationMetrics'];` / `const delta = chunk.delta;`: a name for
 * part of the event, read further (`metrics.inputTokenCount`, `delta.type`) by the statements for the same
 * events. The declaration goes; its reads are mapped like direct reads of the event.
 */
function readFieldAlias(node: AnyNode, cells: ReadonlySet<Cell>, state: State): boolean {
  const d = node.type === 'VariableDeclaration' && node.kind === 'const' ? singleDeclarator(node) : undefined;
  if (!d || d.id.type !== 'Identifier' || !d.init || d.id.typeAnnotation) return false;
  const chain = readChain(unwrapExpression(d.init));
  if (chain?.root?.type !== 'Identifier' || chain.root.name !== state.chunk || chain.props.length === 0) return false;
  const prefix = `${chain.props.join('.')}.`;
  const known = [...Object.values(FIELDS).flatMap((f) => Object.keys(f)), ...Object.keys(DISCRIMINANTS)];
  if (!known.some((k) => k.startsWith(prefix))) return false;
  state.fieldAliases.push({ name: d.id.name, props: chain.props, cells: new Set(cells), event: state.chunk as string });
  return true;
}

/**
 * A bare `continue;` that only keeps later handlers from running for its events: the rewritten branches
 * exclude each other already, so it goes — unless a later handler does run for some of those events.
 */
function dropSkips(leaves: Leaf[]): Leaf[] {
  return leaves.filter((leaf, i) => {
    const n: AnyNode = leaf.path.node;
    if (n.type !== 'ContinueStatement' || n.label) return true;
    if (leaves.slice(i + 1).some((later) => intersect(later.cells, leaf.cells).size > 0)) {
      fail('a `continue` skips handlers that ConverseStream events would reach');
    }
    return false;
  });
}

function mapLeaf(j: JSCodeshift, leaf: Leaf, state: State): MappedLeaf {
  const chunk = leaf.name;
  const base = groupOf(leaf.cells);
  const group: Group | undefined = leaf.truthy && base === 'text' ? 'textTruthy' : leaf.truthy ? undefined : base;
  if (!group) fail(`a statement runs for ${describeCells(leaf.cells)}, which has no single ConverseStream counterpart`);
  const g = group as Group;
  const node: AnyNode = leaf.path.node;
  const scanned: AnyNode[] = leaf.guard ? [node.consequent, ...leaf.guard.map((s) => s.parent[s.key])] : [node];
  if ([...state.typeAliases].some((a) => scanned.some((n) => mentions(j, n, a)))) fail('the event type is used as a value');
  const replacements: MappedLeaf['replacements'] = [];
  const fields = FIELDS[g];
  const usesOf = (name: string) => (leaf.guard ? usesWithin(j, leaf.path, name, scanned) : identifierUses(j, node, name));
  const reads: Array<{ use: ASTPath; prefix: string[] }> = usesOf(chunk).map((use) => ({ use, prefix: [] }));
  for (const name of new Set(state.fieldAliases.filter((a) => a.event === chunk).map((a) => a.name))) {
    const aliasUses = usesOf(name);
    if (aliasUses.length === 0) continue;
    const alias = state.fieldAliases.find((a) => a.event === chunk && a.name === name && [...leaf.cells].every((c) => a.cells.has(c)));
    if (!alias) fail(`\`${name}\` is used for other events than the one it was read from`);
    for (const use of aliasUses) reads.push({ use, prefix: (alias as { props: string[] }).props });
  }
  for (const { use, prefix } of reads) {
    const accesses = accessesFrom(use).map((a) => ({ path: a.path, props: [...prefix, ...a.props] }));
    let hit: { path: ASTPath; map: FieldMap } | undefined;
    for (let i = accesses.length - 1; i >= 0 && !hit; i--) {
      const map = fields[accesses[i].props.join('.')];
      if (map) hit = { path: accesses[i].path, map };
    }
    if (!hit) {
      const read = accesses.length ? `${chunk}.${accesses[accesses.length - 1].props.join('.')}` : chunk;
      fail(`\`${read}\` (${describeGroup(g)}) has no proven ConverseStream counterpart`);
    }
    replacements.push(hit as { path: ASTPath; map: FieldMap });
  }
  const late = replacements.some((r) => r.map.late);
  if (late && replacements.some((r) => !r.map.late)) fail('a statement reads token counts together with fields that arrive earlier');
  return { node, name: chunk, group: g, late, replacements, guard: leaf.guard };
}

function describeCells(cells: ReadonlySet<Cell>): string {
  if (cells.size === UNIVERSE.size) return 'every event type alike (it is not behind an event-type test)';
  const parts: string[] = [];
  for (const [type, list] of Object.entries(DISCRIMINANTS.type)) {
    const have = list.filter((c) => cells.has(c));
    if (have.length === list.length) parts.push(type);
    else if (have.length) parts.push(`${type} (${have.map((c) => c.split(':')[1]).join(', ')})`);
  }
  return parts.join(', ');
}

function describeGroup(group: Group): string {
  switch (group) {
    case 'messageStart':
      return 'message_start';
    case 'messageDelta':
      return 'message_delta';
    case 'messageStopEvent':
      return 'message_stop';
    case 'toolStart':
      return 'content_block_start';
    case 'blockStop':
      return 'content_block_stop';
    default:
      return 'content_block_delta';
  }
}

/** `x = <token count>` into a variable the loop does not read: it may move to the last event. */
function sinkTarget(j: JSCodeshift, leaf: MappedLeaf, state: State): string | undefined {
  const n: AnyNode = leaf.node;
  if (n.type !== 'ExpressionStatement' || n.expression.type !== 'AssignmentExpression' || n.expression.operator !== '=') return undefined;
  const chain = readChain(n.expression.left);
  if (chain?.root?.type !== 'Identifier' || chain.root.name === leaf.name || chain.root.name === state.ev) return undefined;
  if (!isPure(n.expression.right, leaf.name)) return undefined;
  return chain.root.name;
}

function isPure(node: AnyNode, name: string): boolean {
  const n = unwrapExpression(node);
  if (!n) return false;
  switch (n.type) {
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'NullLiteral':
    case 'BooleanLiteral':
    case 'Literal':
      return true;
    case 'Identifier':
      return n.name === 'undefined';
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isPure(n.left, name) && isPure(n.right, name);
    case 'ConditionalExpression':
      return isPure(n.test, name) && isPure(n.consequent, name) && isPure(n.alternate, name);
    case 'UnaryExpression':
      return n.operator !== 'delete' && isPure(n.argument, name);
    case 'TemplateLiteral':
      return n.expressions.every((e: AnyNode) => isPure(e, name));
    default: {
      const chain = readChain(n);
      return chain?.root?.type === 'Identifier' && chain.root.name === name;
    }
  }
}

interface ArrangedBranch {
  branch: Branch;
  nodes: AnyNode[];
}

/**
 * Places each statement in its ConverseStream branch, keeping the order in which things happened:
 * - message_delta's stop reason work runs at `messageStop`; token counts arrive in `metadata`, the last
 *   event, so statements reading them move there — and so does the message_stop work when any do, so that
 *   it still runs after them;
 * - a statement moved past other work must be a plain assignment to a variable the loop does not read.
 */
function arrangeBranches(j: JSCodeshift, leaves: MappedLeaf[], body: ASTPath, state: State): ArrangedBranch[] {
  const anyLate = leaves.some((l) => l.late);
  const order: Branch[] = [];
  const nodes = new Map<Branch, AnyNode[]>();
  const put = (branch: Branch, node: AnyNode) => {
    if (!nodes.has(branch)) {
      nodes.set(branch, []);
      order.push(branch);
    }
    (nodes.get(branch) as AnyNode[]).push(node);
  };
  // Sinks that move past other work: their targets must not be read anywhere else in the loop.
  const moved: MappedLeaf[] = [];
  leaves.forEach((leaf, i) => {
    if (!leaf.late) return;
    if (leaf.group === 'messageStart') moved.push(leaf);
    if (leaf.group === 'messageDelta' && leaves.slice(i + 1).some((l) => l.group === 'messageDelta' && !l.late)) moved.push(leaf);
  });
  for (const leaf of moved) {
    const target = sinkTarget(j, leaf, state);
    if (!target) fail('token counts are used before the stream ends; ConverseStream reports them only in its last (metadata) event');
    // Everything that runs in the rewritten loop: the kept statements and every handler statement
    // (handler-table functions live outside the loop body).
    const kept = ((body.node as AnyNode).body as AnyNode[]).filter((n) => state.roles.get(n) === 'keep');
    const uses = [...kept, ...leaves.map((l) => l.node)].reduce((sum, n) => sum + identifierUses(j, n, target as string).length, 0);
    const sinks = leaves.filter((l) => l.late && sinkTarget(j, l, state) === target).length;
    if (uses !== sinks) fail(`\`${target}\` is read in the loop before ConverseStream reports token counts (in its last event)`);
  }
  const metadata: Array<[number, AnyNode]> = [];
  const EVENT_ORDER: Partial<Record<Group, number>> = { messageStart: 0, messageDelta: 1, messageStopEvent: 2 };
  for (const leaf of leaves) {
    if (leaf.late || (leaf.group === 'messageStopEvent' && anyLate)) {
      metadata.push([EVENT_ORDER[leaf.group] ?? 2, leaf.node]);
      if (!order.includes('metadata')) {
        order.push('metadata');
        nodes.set('metadata', []);
      }
      continue;
    }
    if (leaf.group === 'messageDelta' || leaf.group === 'messageStopEvent') put('messageStop', leaf.node);
    else put(leaf.group as Branch, leaf.node);
  }
  // message_delta work before message_stop work inside messageStop (they were two events in that order).
  if (nodes.has('messageStop')) {
    const ms = nodes.get('messageStop') as AnyNode[];
    const rank = (n: AnyNode) => (leaves.find((l) => l.node === n)?.group === 'messageStopEvent' ? 1 : 0);
    nodes.set('messageStop', [...ms].sort((a, b) => rank(a) - rank(b)));
  }
  metadata.sort((a, b) => a[0] - b[0]);
  if (metadata.length) nodes.set('metadata', metadata.map(([, n]) => n));

  const present = new Set(order);
  const specific: Branch[] = ['text', 'textTruthy', 'toolJson', 'thinking', 'signature'];
  if (present.has('deltaAny') && specific.some((b) => present.has(b))) {
    fail('content block deltas are handled both together and by delta type');
  }
  if (present.has('text') && present.has('textTruthy')) fail('text deltas are tested in two different ways');
  // Declarations that end up in one block must not collide, nor be split from their uses.
  for (const branch of order) {
    const names = new Set<string>();
    for (const n of nodes.get(branch) as AnyNode[]) {
      if (n.type !== 'VariableDeclaration') continue;
      for (const d of n.declarations) {
        if (d.id.type !== 'Identifier') fail('a destructuring declaration among the handlers');
        if (names.has(d.id.name)) fail(`two handlers declare \`${d.id.name}\` and would share one branch`);
        names.add(d.id.name);
        for (const other of order) {
          if (other === branch) continue;
          if ((nodes.get(other) as AnyNode[]).some((m) => mentions(j, m, d.id.name))) {
            fail(`\`${d.id.name}\` would be declared and used in different ConverseStream branches`);
          }
        }
      }
    }
  }
  // In the order ConverseStream sends its events.
  const rank = (b: Branch) => Object.keys(BRANCH_TESTS).indexOf(b);
  return [...order].sort((a, b) => rank(a) - rank(b)).map((branch) => ({ branch, nodes: nodes.get(branch) as AnyNode[] }));
}

function removeUnusedDecoders(ctx: CodemodContext, state: State): void {
  const { j, root } = ctx;
  for (const helper of state.helpers) {
    const n: AnyNode = helper.node;
    const name: string = n.id.name;
    // countReferences counts a function declaration's own name.
    if (countReferences(j, root, name) > (n.type === 'FunctionDeclaration' ? 1 : 0)) continue;
    if (n.type === 'FunctionDeclaration') {
      const parent: AnyNode = (helper as AnyNode).parent?.node;
      if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') continue;
      j(helper).remove();
    } else {
      const declaration: AnyNode = (helper as AnyNode).parent?.parent?.node;
      if (declaration?.type === 'ExportNamedDeclaration') continue;
      removeDeclarator(j, helper);
    }
  }
  for (const name of state.decoders) {
    if (countReferences(j, root, name) > 0) continue;
    root
      .find(j.VariableDeclarator)
      .filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name && isTextDecoderNew((p.node as AnyNode).init))
      .forEach((p) => removeDeclarator(j, p as ASTPath));
  }
}
