/**
 * Which Anthropic stream events each statement of the loop runs for: event-type tests in `if`/`else if`,
 * `switch`, `&&` chains, `[...].includes(...)`, aliases, and handler tables looked up by event type.
 * The result is a list of leaves (statements) each with its set of events ("cells", see events.ts).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { declarationOf, keyName, referencePaths, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { isChainOf, isMember, memberName, readChain } from './chain';
import { DISCRIMINANTS, FIELDS, type Cell } from './events';
import { intersect, mentions, minus, singleDeclarator, UNIVERSE, type Leaf, type Slot, type State } from './state';
import { block } from '../../bedrock/result';

type Pred = { kind: 'none' } | { kind: 'pred'; cells: Set<Cell>; truthy: boolean };

/** The discriminant a node reads: `chunk.type`, `chunk.delta.type`, `chunk.content_block.type`, or a `type` alias. */
export function discriminantOf(node: AnyNode, state: State): string | undefined {
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

/** An event type the API reference does not list for Claude on Bedrock (`ping`, `error`, …). */
function isOtherEvent(disc: string, value: string): boolean {
  return value !== undefined && !(value in DISCRIMINANTS[disc]);
}

/** `chunk.type === 'ping'` (only this, nothing combined with it). */
function isOtherEventTest(test: AnyNode, state: State): boolean {
  const n = unwrapExpression(test);
  if (n?.type !== 'BinaryExpression' || (n.operator !== '===' && n.operator !== '==')) return false;
  const [d, v] = discriminantOf(n.left, state) ? [n.left, n.right] : [n.right, n.left];
  const disc = discriminantOf(d, state);
  const value = literalValue(v);
  return !!disc && value !== undefined && isOtherEvent(disc, value);
}

/**
 * Statements that do nothing but end the event's handling: `continue;`, `{}`, and — directly in a `case`,
 * where it leaves the `switch` rather than the loop — `break;`.
 */
function isNoOp(stmts: AnyNode[], inCase = false): boolean {
  return stmts.every(
    (st) =>
      st.type === 'EmptyStatement' ||
      (st.type === 'ContinueStatement' && !st.label) ||
      (inCase && st.type === 'BreakStatement' && !st.label) ||
      (st.type === 'BlockStatement' && isNoOp(st.body, inCase)),
  );
}

function cellsFor(disc: string, value: string): Set<Cell> {
  const cells = DISCRIMINANTS[disc][value];
  if (!cells) block(`\`${disc} === '${value}'\` is not an event InvokeModelWithResponseStream sends for Claude`);
  return new Set(cells);
}

export function hasDiscriminant(j: JSCodeshift, node: AnyNode, state: State): boolean {
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
    if (a.truthy || b.truthy) block('a text test is combined with `||`');
    return { cells: new Set([...a.cells, ...b.cells]), truthy: false };
  }
  if (n.type === 'UnaryExpression' && n.operator === '!') {
    const a = evalPred(j, n.argument, state);
    if (a.truthy) block('a negated text test');
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
        if (value === undefined) block('an event-type list that is not made of strings');
        for (const c of cellsFor(disc, value as string)) cells.add(c);
      }
      return { cells, truthy: false };
    }
  }
  return block('an event-type test this codemod cannot read');
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

export function collect(j: JSCodeshift, paths: ASTPath[], cells: ReadonlySet<Cell>, truthy: boolean, out: Leaf[], state: State): void {
  for (const path of paths) {
    const node: AnyNode = path.node;
    if (node.type === 'EmptyStatement') continue;
    if (node.type === 'BlockStatement') {
      collect(j, children(path, 'body'), cells, truthy, out, state);
      continue;
    }
    if (node.type === 'IfStatement') {
      if (isOtherEventTest(node.test, state) && isNoOp([node.consequent])) {
        // `if (chunk.type === 'ping') continue;`: does nothing for the events this codemod knows.
        if (node.alternate) collect(j, [path.get('alternate') as ASTPath], cells, truthy, out, state);
        continue;
      }
      const guarded = splitGuard(j, node.test, state);
      if (guarded) {
        if (hasDiscriminant(j, node.consequent, state)) block('event-type tests nested under a combined test');
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
  if (!isChainOf(call.arguments[0], state.chunk as string, [])) block('a handler table is called with something else than the event');
  const tableName: string = callee.object.name;
  const decl = declarationOf(tableName, path);
  const d: AnyNode = decl?.node;
  if (d?.type !== 'VariableDeclarator' || d.init?.type !== 'ObjectExpression' || (decl.parentPath.node as AnyNode).kind !== 'const') {
    block(`the handler table \`${tableName}\` is not a \`const\` object literal in this file`);
  }
  if (referencePaths(j, j(path).closest(j.Program), tableName, decl).length !== 1) block(`the handler table \`${tableName}\` is used elsewhere too`);
  const props = (decl.get('init') as AnyNode).get('properties') as AnyNode;
  const chunk = state.chunk as string;
  (d.init.properties as AnyNode[]).forEach((prop, i) => {
    const key = keyName(prop);
    if (key === undefined || prop.computed) block('a handler table with a computed key');
    const cellsOfKey = cellsFor('type', key as string);
    const propPath = props.get(i) as AnyNode;
    const fn: AnyNode = prop.type === 'ObjectMethod' ? prop : prop.value;
    const fnPath: AnyNode = prop.type === 'ObjectMethod' ? propPath : propPath.get('value');
    if (!['ArrowFunctionExpression', 'FunctionExpression', 'ObjectMethod'].includes(fn?.type) || fn.async || fn.generator) {
      block(`the \`${key}\` handler is not a plain function`);
    }
    if (fn.params.length > 1 || (fn.params[0] && fn.params[0].type !== 'Identifier')) block(`the \`${key}\` handler takes more than the event`);
    const param: string | undefined = fn.params[0]?.name;
    const body: AnyNode = fn.body;
    if (body.type !== 'BlockStatement') block(`the \`${key}\` handler is an expression; write it as a block to migrate it`);
    if (j(body).find(j.ReturnStatement).some((r) => !insideNestedFunction(r as ASTPath, body))) block(`the \`${key}\` handler returns a value`);
    if (fn.type !== 'ArrowFunctionExpression' && (j(body).find(j.ThisExpression).size() > 0 || mentions(j, body, 'arguments'))) {
      block(`the \`${key}\` handler uses \`this\` or \`arguments\``);
    }
    for (const name of [state.ev, chunk]) {
      if (name !== param && mentions(j, body, name)) block(`the \`${key}\` handler reads an outer \`${name}\`, which the loop variable would hide`);
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
    if (value === undefined) block('a `case` that is not a string');
    if (isOtherEvent(disc, value as string) && c.consequent.length > 0 && isNoOp(c.consequent, true)) continue;
    for (const cell of cellsFor(disc, value as string)) named.add(cell);
  }
  let pending = new Set<Cell>();
  const cases = children(path, 'cases');
  cases.forEach((casePath, index) => {
    const c: AnyNode = casePath.node;
    if (c.test && isOtherEvent(disc, literalValue(c.test) as string) && c.consequent.length > 0 && isNoOp(c.consequent, true)) {
      if (pending.size > 0) block('a `case` falls through into the next one');
      return;
    }
    const own = c.test ? cellsFor(disc, literalValue(c.test) as string) : minus(UNIVERSE, named);
    for (const cell of own) pending.add(cell);
    if (c.consequent.length === 0) return;
    const body = children(casePath, 'consequent');
    let stmts = body;
    const last: AnyNode = body[body.length - 1].node;
    if (last.type === 'BreakStatement' && !last.label) stmts = body.slice(0, -1);
    else if (!endsAbruptly(c.consequent) && index < cases.length - 1) block('a `case` falls through into the next one');
    if (stmts.some((p) => escapingBreaks(p.node) > 0)) block('a `break` inside a `case` branch');
    collect(j, stmts, intersect(cells, pending), truthy, out, state);
    pending = new Set();
  });
}


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
export function dropSkips(leaves: Leaf[]): Leaf[] {
  return leaves.filter((leaf, i) => {
    const n: AnyNode = leaf.path.node;
    if (n.type !== 'ContinueStatement' || n.label) return true;
    if (leaves.slice(i + 1).some((later) => intersect(later.cells, leaf.cells).size > 0)) {
      block('a `continue` skips handlers that ConverseStream events would reach');
    }
    return false;
  });
}
