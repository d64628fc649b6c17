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
import { countReferences, removeDeclarator, type AnyNode } from '../../ast/bedrock';
import { applyRefusalComparison } from '../../bedrock/stream/refusal';
import { ensureDeltaEventHelper } from '../../bedrock/stream/to-anthropic-event';
import { arrangeBranches, mapLeaf } from './arrange';
import { collect, dropSkips } from './branches';
import { buildChain } from './chain';
import { BRANCH_TESTS, type Branch } from './events';
import { checkEventVariableUses, chunkPatternName, readPrelude } from './prelude';
import { isNewTextDecoder } from '../../bedrock/decode';
import { mentions, UNIVERSE, type Leaf, type State } from './state';
import { attempt, block, type Mapped } from '../../bedrock/result';

export type Plan = Mapped<{ apply(): void }>;

/** Analyses the loop; `apply()` rewrites it. Nothing is changed unless every part has a counterpart. */
export function planLoop(ctx: CodemodContext, loop: ASTPath, ts: boolean, typeRef?: (name: string) => AnyNode | undefined): Plan {
  return attempt(() => analyse(ctx, loop, ts, typeRef));
}

function analyse(ctx: CodemodContext, loop: ASTPath, ts: boolean, typeRef?: (name: string) => AnyNode | undefined): { apply(): void } {
  const { j } = ctx;
  const node: AnyNode = loop.node;
  const left = node.left;
  const decl = left?.type === 'VariableDeclaration' && left.declarations.length === 1 ? left.declarations[0] : undefined;
  if (node.body.type !== 'BlockStatement') block('the loop body is not a block');
  // `for await (const { chunk } of …)`: the rewritten loop needs the whole event under a new name.
  const chunkMember = chunkPatternName(decl?.id);
  let ev: string;
  if (chunkMember) {
    const free = ['event', 'streamEvent', 'converseEvent'].find((n) => !mentions(j, node, n) && !mentions(j, node.body, n));
    if (!free) block('no free name for the stream event');
    ev = free as string;
  } else {
    if (decl?.id?.type !== 'Identifier') block('the loop variable is not a plain identifier');
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
  if (!state.chunk) block('no decode of `chunk.bytes` through JSON.parse was found in the loop');
  if (state.handlers.length === 0) block('the decoded events are not handled in the loop');
  checkEventVariableUses(j, bodyPath, state);
  if (state.handlers.some((h) => readsCompletion(j, h.node, state.chunk as string))) {
    block('the loop reads legacy Text Completions chunks (`completion`), whose text and stop reasons ConverseStream does not reproduce');
  }

  // Branches → leaves with the set of Anthropic events they run for.
  const leaves: Leaf[] = [];
  collect(j, state.handlers, UNIVERSE, false, leaves, state);
  const mapped = dropSkips(leaves.filter((l) => l.cells.size > 0)).map((l) => mapLeaf(j, l, state));
  if (mapped.length === 0) block('no branch handles an event that ConverseStream sends');
  if (mapped.some((l) => l.replacements.some((r) => r.capture))) {
    const fn = enclosingFunction(loop);
    const free = ['stopReason', 'finalStopReason', 'converseStopReason'].find((n) => !mentions(j, fn, n));
    if (!free) block('no free name to keep the stop reason until the token counts arrive');
    state.stopCapture = free;
  }
  const branches = arrangeBranches(j, mapped, bodyPath, state);

  return {
    apply() {
      for (const leaf of mapped) {
        for (const { path, map, capture, deltaEvent } of leaf.replacements) {
          // Inside a callback TypeScript forgets the branch test's narrowing: assert each step instead.
          if (deltaEvent) {
            const helper = ensureDeltaEventHelper(ctx, ts, typeRef);
            path.replace(j.callExpression(j.identifier(helper), [buildChain(j, ev, map.to, ts)]));
            continue;
          }
          if (capture) {
            const kept = j.identifier(state.stopCapture as string);
            path.replace(ts && needsValue(path) ? j.tsNonNullExpression(kept) : kept);
            continue;
          }
          const notation = ts && inCallback(path, leaf.node) ? assertEachStep(map.to) : map.to;
          path.replace(buildChain(j, ev, notation, ts, needsValue(path)));
        }
        for (const cmp of leaf.refusals) applyRefusalComparison(j, cmp, ts);
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
      // In place, statement by statement, so that the kept ones keep their own lines.
      let placed = false;
      for (const stmtPath of statements) {
        const role = state.roles.get(stmtPath.node);
        if (role === 'keep') continue;
        if (role === 'handlers' && !placed) {
          if (stmtPath.node === state.wrapperTry) (stmtPath.node as AnyNode).block.body = [chain];
          else stmtPath.replace(chain);
          placed = true;
        } else stmtPath.prune();
      }
      if (state.chunkMember) decl.id = j.identifier(ev);
      if (state.stopCapture) {
        const id: AnyNode = j.identifier(state.stopCapture);
        const type = ts ? typeRef?.('StopReason') : undefined;
        if (type) id.typeAnnotation = j.tsTypeAnnotation(j.tsUnionType([j.tsTypeReference(type), j.tsUndefinedKeyword()]));
        loop.insertBefore(j.variableDeclaration('let', [j.variableDeclarator(id)]));
      }
      for (const table of state.tables) removeDeclarator(j, table);
      removeUnusedDecoders(ctx, state);
    },
  };
}

function enclosingFunction(p: ASTPath): AnyNode {
  let cur: AnyNode = p;
  while (cur.parent && !/Function|ObjectMethod|ClassMethod|Program/.test(cur.node.type)) cur = cur.parent;
  return cur.node;
}

function inCallback(path: ASTPath, leaf: AnyNode): boolean {
  for (let cur: AnyNode = (path as AnyNode).parent; cur && cur.node !== leaf; cur = cur.parent) {
    if (/Function|ObjectMethod|ClassMethod/.test(cur.node.type)) return true;
  }
  return false;
}

function assertEachStep(notation: string): string {
  return notation
    .split('.')
    .map((seg) => (seg.endsWith('!') || seg.startsWith('?') ? seg : `${seg}!`))
    .join('.');
}

function readsCompletion(j: JSCodeshift, node: AnyNode, chunk: string): boolean {
  return j(node)
    .find(j.Identifier, { name: chunk } as never)
    .some((p) => {
      const parent: AnyNode = (p as AnyNode).parent?.node;
      return (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.object === p.node && (parent.property?.name ?? parent.property?.value) === 'completion';
    });
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


function removeUnusedDecoders(ctx: CodemodContext, state: State): void {
  const { j, root } = ctx;
  for (const helper of state.helpers) {
    const n: AnyNode = helper.node;
    const name: string = n.id.name;
    if (countReferences(j, root, name) > 0) continue;
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
      .filter((p) => (p.node as AnyNode).id.type === 'Identifier' && (p.node as AnyNode).id.name === name && isNewTextDecoder((p.node as AnyNode).init))
      .forEach((p) => removeDeclarator(j, p as ASTPath));
  }
}
