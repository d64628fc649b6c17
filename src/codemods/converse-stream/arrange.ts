/**
 * From leaves to ConverseStream branches: each field read is mapped (events.ts FIELDS), and each statement
 * is placed in its branch so that things still happen in the same order (token counts arrive last).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { accessesFrom, buildChain, readChain } from './chain';
import { BRANCH_TESTS, CONVERSE_STOP_REASONS, DISCRIMINANTS, FIELDS, groupOf, type Branch, type Cell, type FieldMap, type Group } from './events';
import { CONVERSE_REFUSAL_MEMBER, refusalComparisons, type RefusalComparison } from '../../bedrock/stream/refusal';
import { identifierUses, mentions, UNIVERSE, usesWithin, type Leaf, type MappedLeaf, type State } from './state';
import { block } from '../../bedrock/result';

export function mapLeaf(j: JSCodeshift, leaf: Leaf, state: State): MappedLeaf {
  const chunk = leaf.name;
  const base = groupOf(leaf.cells);
  const group: Group | undefined = leaf.truthy && base === 'text' ? 'textTruthy' : leaf.truthy ? undefined : base;
  // The whole event, forwarded: for one kind of delta, it is rebuilt from the ConverseStream delta.
  const forwarded = wholeEventPassedOn(j, leaf, group && DELTA_GROUPS.has(group));
  if (!group) block(`a statement runs for ${describeCells(leaf.cells)}, which has no single ConverseStream counterpart`);
  const g = group as Group;
  const node: AnyNode = leaf.path.node;
  const scanned: AnyNode[] = leaf.guard ? [node.consequent, ...leaf.guard.map((s) => s.parent[s.key])] : [node];
  if ([...state.typeAliases].some((a) => scanned.some((n) => mentions(j, n, a)))) block('the event type is used as a value');
  const replacements: MappedLeaf['replacements'] = [];
  const refusals: RefusalComparison[] = [];
  const fields = FIELDS[g];
  const usesOf = (name: string) => (leaf.guard ? usesWithin(j, leaf.path, name, scanned) : identifierUses(j, node, name));
  const reads: Array<{ use: ASTPath; prefix: string[] }> = usesOf(chunk)
    .filter((use) => !forwarded.some((f) => f.node === use.node))
    .map((use) => ({ use, prefix: [] }));
  for (const use of forwarded) replacements.push({ path: use, map: { to: 'contentBlockDelta!' }, deltaEvent: true });
  for (const name of new Set(state.fieldAliases.filter((a) => a.event === chunk).map((a) => a.name))) {
    const aliasUses = usesOf(name);
    if (aliasUses.length === 0) continue;
    const alias = state.fieldAliases.find((a) => a.event === chunk && a.name === name && [...leaf.cells].every((c) => a.cells.has(c)));
    if (!alias) block(`\`${name}\` is used for other events than the one it was read from`);
    for (const use of aliasUses) reads.push({ use, prefix: (alias as { props: string[] }).props });
  }
  for (const { use, prefix } of reads) {
    const accesses = accessesFrom(use).map((a) => ({ path: a.path, props: [...prefix, ...a.props] }));
    // A name for a field itself (`const { index } = chunk`) is read as it is.
    if (prefix.length) accesses.unshift({ path: use, props: prefix });
    let hit: { path: ASTPath; map: FieldMap } | undefined;
    for (let i = accesses.length - 1; i >= 0 && !hit; i--) {
      const map = fields[accesses[i].props.join('.')];
      if (map) hit = { path: accesses[i].path, map };
    }
    if (!hit) {
      const read = accesses.length ? `${chunk}.${accesses[accesses.length - 1].props.join('.')}` : chunk;
      block(`\`${read}\` (${describeGroup(g)}) has no proven ConverseStream counterpart`);
    }
    replacements.push(hit as { path: ASTPath; map: FieldMap });
    if ((hit as { map: FieldMap }).map.to.startsWith('messageStop.stopReason')) refusals.push(...stopReasonComparisons(j, (hit as { path: ASTPath }).path, leaf.path));
  }
  const late = replacements.some((r) => r.map.late);
  if (late && replacements.some((r) => !r.map.late)) {
    // `onFinish(chunk.delta.stop_reason, chunk.usage.output_tokens)`: the statement runs at `metadata`, which
    // follows `messageStop`; the stop reason is kept from there in a variable (loop.ts).
    const early = replacements.filter((r) => !r.map.late);
    if (g !== 'messageDelta' || early.some((r) => !r.map.to.startsWith('messageStop.stopReason'))) {
      block('a statement reads token counts together with fields that arrive earlier');
    }
    for (const r of early) r.capture = true;
  }
  return { node, name: chunk, group: g, late, replacements, refusals, guard: leaf.guard };
}

/**
 * `res.write(JSON.stringify(chunk))`, `events.push(chunk)`, `emit('event', chunk)`: the whole Anthropic event
 * goes to code that reads it as such (a browser, another module). Without knowing which fields that code
 * reads, no ConverseStream event can stand in for it.
 */
function wholeEventPassedOn(j: JSCodeshift, leaf: Leaf, convertible: boolean | undefined): ASTPath[] {
  const node: AnyNode = leaf.path.node;
  const out: ASTPath[] = [];
  for (const use of identifierUses(j, node, leaf.name)) {
    if (accessesFrom(use).length > 0) continue;
    if (convertible && (use as AnyNode).parent) {
      out.push(use);
      continue;
    }
    let cur: AnyNode = (use as AnyNode).parent;
    while (cur && cur.node !== node && cur.node.type !== 'CallExpression') cur = cur.parent;
    if (cur?.node.type === 'CallExpression' && cur.node.callee.type !== 'Identifier' && readChain(cur.node.callee)?.props.join('.') === 'stringify') {
      let outer: AnyNode = cur.parent;
      while (outer && outer.node !== node && outer.node.type !== 'CallExpression') outer = outer.parent;
      if (outer?.node.type === 'CallExpression') cur = outer;
    }
    const chain = cur?.node.type === 'CallExpression' ? readChain(cur.node.callee) : undefined;
    const root = chain?.root?.type === 'Identifier' ? chain.root.name : chain?.root?.type === 'ThisExpression' ? 'this' : undefined;
    const callee = root ? [root, ...(chain as { props: string[] }).props].join('.') : undefined;
    block(`the whole Anthropic event \`${leaf.name}\` is passed on${callee ? ` (\`${callee}(…)\`)` : ''} to code that reads it as such`);
  }
  return out;
}

/** Deltas of one kind: the Anthropic event can be rebuilt from them exactly (bedrock/stream/to-anthropic-event.ts). */
const DELTA_GROUPS: ReadonlySet<Group> = new Set(['text', 'textTruthy', 'toolJson', 'thinking', 'signature']);

/**
 * Comparisons of the stop reason with values ConverseStream never sends as such: `'refusal'` is carried over
 * (bedrock/stream/refusal.ts), anything else (`'pause_turn'`) keeps the call. A plain `v = <stop reason>`
 * is followed to the comparisons of `v` in the same function (after the loop, typically).
 */
function stopReasonComparisons(j: JSCodeshift, read: ASTPath, leaf: ASTPath): RefusalComparison[] {
  const out: RefusalComparison[] = [];
  const check = (p: ASTPath) => {
    const { found, unmapped } = refusalComparisons(p, (v) => CONVERSE_STOP_REASONS.has(v));
    if (unmapped.includes(CONVERSE_REFUSAL_MEMBER)) {
      block(`the stop reason switch has a 'content_filtered' case, which would now also catch refusals (ConverseStream has no 'refusal' member)`);
    }
    if (unmapped.length) {
      block(`the stop reason is compared with '${unmapped[0]}', which is not a ConverseStream stop reason (see the refusal-stop-reason codemod)`);
    }
    out.push(...found);
  };
  check(read);
  const parent: AnyNode = (read as AnyNode).parent?.node;
  const n: AnyNode = leaf.node;
  if (n.type === 'ExpressionStatement' && n.expression === parent && parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.left.type === 'Identifier') {
    let fn: AnyNode = leaf;
    while (fn && !/Function|ObjectMethod|ClassMethod|Program/.test(fn.node.type)) fn = fn.parent;
    if (fn) for (const use of identifierUses(j, fn.node, parent.left.name)) if (use.node !== parent.left) check(use);
  }
  return out;
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

/**
 * `x = <token count>` (or `result.outputTokens = …`) into a place the loop does not read: it may move to
 * the last event. The target is the assigned chain (`result.outputTokens`).
 */
function sinkTarget(j: JSCodeshift, leaf: MappedLeaf, state: State): { root: string; props: string[] } | undefined {
  const n: AnyNode = leaf.node;
  if (n.type !== 'ExpressionStatement' || n.expression.type !== 'AssignmentExpression' || n.expression.operator !== '=') return undefined;
  const chain = readChain(n.expression.left);
  if (chain?.root?.type !== 'Identifier' || chain.root.name === leaf.name || chain.root.name === state.ev) return undefined;
  const names = new Set([leaf.name, ...state.fieldAliases.filter((a) => a.event === leaf.name).map((a) => a.name)]);
  if (!isPure(n.expression.right, names)) return undefined;
  return { root: chain.root.name, props: chain.props };
}

/** `total += tokens`, `n++`, `total = total + tokens`: a sum over every message_delta, not one count. */
function accumulates(j: JSCodeshift, node: AnyNode): boolean {
  if (j(node).find(j.UpdateExpression).size() > 0) return true;
  return j(node)
    .find(j.AssignmentExpression)
    .some((p) => {
      const a: AnyNode = p.node;
      if (a.operator !== '=') return true;
      const root = readChain(a.left)?.root;
      return root?.type === 'Identifier' && mentions(j, a.right, root.name);
    });
}

const sameTarget = (a?: { root: string; props: string[] }, b?: { root: string; props: string[] }) =>
  !!a && !!b && a.root === b.root && a.props.join('.') === b.props.join('.');

/** Uses of the target's root in `node` that may read the target: the root alone, or a chain through it. */
function targetUses(j: JSCodeshift, node: AnyNode, target: { root: string; props: string[] }): number {
  return identifierUses(j, node, target.root).filter((use) => {
    const accesses = accessesFrom(use);
    if (accesses.length === 0) return true;
    // `result.text` does not read `result.outputTokens`; `result.outputTokens.x` or `result` passed on does.
    const props = accesses[accesses.length - 1].props;
    return target.props.every((p, i) => i >= props.length || props[i] === p);
  }).length;
}

function isPure(node: AnyNode, names: ReadonlySet<string>): boolean {
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
      return isPure(n.left, names) && isPure(n.right, names);
    case 'ConditionalExpression':
      return isPure(n.test, names) && isPure(n.consequent, names) && isPure(n.alternate, names);
    case 'UnaryExpression':
      return n.operator !== 'delete' && isPure(n.argument, names);
    case 'TemplateLiteral':
      return n.expressions.every((e: AnyNode) => isPure(e, names));
    default: {
      const chain = readChain(n);
      return chain?.root?.type === 'Identifier' && names.has(chain.root.name);
    }
  }
}

export interface ArrangedBranch {
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
export function arrangeBranches(j: JSCodeshift, leaves: MappedLeaf[], body: ASTPath, state: State): ArrangedBranch[] {
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
  // - message_start's input tokens move across the whole stream;
  // - message_delta's output_tokens is cumulative: only its last value is provably ConverseStream's total,
  //   so it may only be assigned (`x = …`, the last assignment wins), never summed or acted on.
  // message_stop's invocation metrics arrive once, in the last event, like `metadata`: anything goes.
  const moved = leaves.filter((leaf) => leaf.late && (leaf.group === 'messageStart' || leaf.group === 'messageDelta'));
  for (const leaf of moved) {
    const target = sinkTarget(j, leaf, state);
    // message_delta comes once, after the last content block and before message_stop: work done there on
    // the output tokens (a callback, a running total) happens at `metadata` in the same order, as long as
    // no later message_delta statement would now run before it.
    if (!target && leaf.group === 'messageDelta' && !accumulates(j, leaf.node)) {
      const after = leaves.slice(leaves.indexOf(leaf) + 1);
      if (after.some((l) => l.group === 'messageDelta' && !l.late)) block('a statement after the token counts would now run before them (ConverseStream reports them in its last event)');
      continue;
    }
    if (!target) block('token counts are used before the stream ends; ConverseStream reports them only in its last (metadata) event');
    // Everything that runs in the rewritten loop: the kept statements and every handler statement
    // (handler-table functions live outside the loop body).
    const t = target as { root: string; props: string[] };
    const kept = ((body.node as AnyNode).body as AnyNode[]).filter((n) => state.roles.get(n) === 'keep');
    const uses = [...kept, ...leaves.map((l) => l.node)].reduce((sum, n) => sum + targetUses(j, n, t), 0);
    const sinks = leaves.filter((l) => l.late && sameTarget(sinkTarget(j, l, state), t)).length;
    if (uses !== sinks) block(`\`${[t.root, ...t.props].join('.')}\` is read in the loop before ConverseStream reports token counts (in its last event)`);
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
  if (state.stopCapture) {
    const keep = j.expressionStatement(j.assignmentExpression('=', j.identifier(state.stopCapture), buildChain(j, state.ev, 'messageStop.stopReason', false)));
    if (!nodes.has('messageStop')) {
      nodes.set('messageStop', []);
      order.push('messageStop');
    }
    (nodes.get('messageStop') as AnyNode[]).unshift(keep);
  }
  metadata.sort((a, b) => a[0] - b[0]);
  if (metadata.length) nodes.set('metadata', metadata.map(([, n]) => n));

  const present = new Set(order);
  const specific: Branch[] = ['text', 'textTruthy', 'toolJson', 'thinking', 'signature'];
  if (present.has('deltaAny') && specific.some((b) => present.has(b))) {
    block('content block deltas are handled both together and by delta type');
  }
  if (present.has('text') && present.has('textTruthy')) block('text deltas are tested in two different ways');
  // Declarations that end up in one block must not collide, nor be split from their uses.
  for (const branch of order) {
    const names = new Set<string>();
    for (const n of nodes.get(branch) as AnyNode[]) {
      if (n.type !== 'VariableDeclaration') continue;
      for (const d of n.declarations) {
        if (d.id.type !== 'Identifier') block('a destructuring declaration among the handlers');
        if (names.has(d.id.name)) block(`two handlers declare \`${d.id.name}\` and would share one branch`);
        names.add(d.id.name);
        for (const other of order) {
          if (other === branch) continue;
          if ((nodes.get(other) as AnyNode[]).some((m) => mentions(j, m, d.id.name))) {
            block(`\`${d.id.name}\` would be declared and used in different ConverseStream branches`);
          }
        }
      }
    }
  }
  // In the order ConverseStream sends its events.
  const rank = (b: Branch) => Object.keys(BRANCH_TESTS).indexOf(b);
  return [...order].sort((a, b) => rank(a) - rank(b)).map((branch) => ({ branch, nodes: nodes.get(branch) as AnyNode[] }));
}
