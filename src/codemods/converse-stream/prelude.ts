/**
 * The loop's prelude: the chunk decode (`JSON.parse(new TextDecoder().decode(event.chunk?.bytes))` and its
 * variants), presence guards, and stream error checks. Decode and guards go; error checks stay.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { keyName, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { isChainOf, isMember, memberName, readChain, stripNonNull } from './chain';
import { CELLS, INVOKE_ONLY_ERROR_MEMBERS, SHARED_ERROR_MEMBERS } from './events';
import { mentions, mentionsOther, singleDeclarator, type State } from './state';
import { block } from '../../bedrock/result';
import { isNewTextDecoder, isUtf8 } from '../../bedrock/decode';

function isBytes(node: AnyNode, state: State): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'Identifier' && state.bytesVars.has(n.name)) return true;
  if (state.chunkMember && isChainOf(n, state.chunkMember, ['bytes'])) return true;
  return isChainOf(n, state.ev, ['chunk', 'bytes']);
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
    if (isNewTextDecoder(target) && isUtf8(target.arguments[0])) return true;
    if (target.type === 'Identifier' && isTextDecoderVariable(ctx, target.name, state)) {
      if (!state.localDecoders.has(target.name)) state.decoders.add(target.name);
      return true;
    }
    return false;
  }
  if (method === 'toString' && n.arguments.length <= 1 && isUtf8(n.arguments[0])) {
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
  // Every variable of that name in the file is a TextDecoder (one per function is common).
  return decls.length > 0 && decls.paths().every((p) => isNewTextDecoder((p.node as AnyNode).init));
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

export function chunkPatternName(id: AnyNode): string | undefined {
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
      block(`\`${m}\` has no ConverseStream counterpart; decide how a model timeout surfaces now`);
    }
  }
  if (state.chunk && mentions(j, node, state.chunk)) return false;
  if (mentionsOther(j, node.consequent, state.ev, (m) => SHARED_ERROR_MEMBERS.has(m))) return false;
  return !node.alternate || isErrorCheck(j, node.alternate, state);
}

/**
 * Reads the statements before and around the handlers: decode declarations and presence guards are
 * dropped, error checks kept, a `if (event.chunk) { … }` wrapper is opened, the rest is the handlers.
 */
export function readPrelude(ctx: CodemodContext, paths: ASTPath[], state: State, top: boolean): void {
  const { j } = ctx;
  for (const path of paths) {
    const node: AnyNode = path.node;
    const setRole = (role: 'keep' | 'drop' | 'handlers') => {
      if (top) state.roles.set(node, role);
    };
    if (node.type === 'TryStatement' && state.tryDecode?.node === node) {
      setRole('drop');
      continue;
    }
    if (state.chunk) {
      const d = singleDeclarator(node);
      if (d && d.id.type === 'Identifier' && d.init && isChainOf(d.init, state.chunk, ['type']) && node.kind === 'const') {
        state.typeAliases.add(d.id.name);
        setRole('drop');
        continue;
      }
      if (isErrorCheck(j, node, state)) {
        if (!top) block('an error check sits among the event handlers');
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
      if (!top) block('an error check sits inside the chunk branch');
      setRole('keep');
      continue;
    }
    if (node.type === 'IfStatement' && !node.alternate && node.test.type === 'UnaryExpression' && node.test.operator === '!' && isChunkPresence(node.test.argument, state) && isContinueOnly(node.consequent)) {
      setRole('drop');
      continue;
    }
    const d = singleDeclarator(node);
    if (d && d.id.type === 'ObjectPattern' && d.init && node.kind === 'const' && isParse(ctx, d.init, state)) {
      readDecodedPattern(d.id, state);
      state.chunkDeclarator = d;
      setRole('drop');
      continue;
    }
    if (d && d.id.type === 'Identifier' && d.init) {
      const name = d.id.name;
      if (isNewTextDecoder(d.init)) state.localDecoders.add(name);
      else if (isBytes(d.init, state)) state.bytesVars.add(name);
      else if (isParse(ctx, d.init, state)) {
        state.chunk = name;
        state.chunkDeclarator = d;
      }
      else if (isDecode(ctx, d.init, state)) state.textVars.add(name);
      else block(`\`${name}\` is computed before the event is decoded`);
      setRole('drop');
      continue;
    }
    if (node.type === 'IfStatement' && isChunkPresence(node.test, state) && node.consequent.type === 'BlockStatement') {
      if (!top) block('nested chunk checks');
      if (node.alternate) {
        if (!isErrorCheck(j, node.alternate, state)) block('the branch for non-chunk events does more than handle stream errors');
        state.errorElse = node.alternate;
      }
      const inner = ((path.get('consequent') as AnyNode).get('body') as AnyNode).map((p: ASTPath) => p) as ASTPath[];
      readPrelude(ctx, inner, state, false);
      if (!state.chunk) block('the chunk branch does not decode the event');
      setRole('handlers');
      continue;
    }
    if (d && d.id.type === 'Identifier' && !d.init && node.kind === 'let' && top && readTryDecode(ctx, paths, path, d, state)) {
      setRole('drop');
      continue;
    }
    if (node.type === 'TryStatement' && top && !node.finalizer && node.handler) {
      // `try { const chunk = JSON.parse(…); …handlers… } catch (err) { … }`: the decode goes, the handlers
      // stay inside the `try` (their own errors still reach the `catch`).
      if (mentionsStreamEvent(j, node.handler, state)) block('the `catch` around the decode reads the stream event');
      const inner = ((path.get('block') as AnyNode).get('body') as AnyNode).map((p: ASTPath) => p) as ASTPath[];
      readPrelude(ctx, inner, state, false);
      if (!state.chunk) block('the `try` block does not decode the event');
      state.wrapperTry = node;
      setRole('handlers');
      continue;
    }
    block('the loop does something before decoding the event that has no ConverseStream counterpart');
  }
}

function mentionsStreamEvent(j: JSCodeshift, node: AnyNode, state: State): boolean {
  return mentions(j, node, state.ev) || (!!state.chunkMember && mentions(j, node, state.chunkMember)) || (!!state.chunk && mentions(j, node, state.chunk));
}

/**
 * `let chunk; try { chunk = JSON.parse(…); } catch { continue; }`: the `try` only guards the decode, which
 * ConverseStream events do not need (its `catch` never ran for the JSON Bedrock sends): both statements go.
 */
function readTryDecode(ctx: CodemodContext, paths: ASTPath[], at: ASTPath, declarator: AnyNode, state: State): boolean {
  const { j } = ctx;
  const next = paths[paths.indexOf(at) + 1]?.node as AnyNode;
  if (next?.type !== 'TryStatement' || next.finalizer || !next.handler) return false;
  const name: string = declarator.id.name;
  const stmts: AnyNode[] = next.block.body;
  const last = stmts[stmts.length - 1];
  const assign = last?.type === 'ExpressionStatement' ? last.expression : undefined;
  if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.left.type !== 'Identifier' || assign.left.name !== name) return false;
  // Decode steps before the assignment (`const text = decoder.decode(…)`) are read like the loop's own.
  for (const st of stmts.slice(0, -1)) {
    const d = singleDeclarator(st);
    if (!d || d.id.type !== 'Identifier' || !d.init) return false;
    if (isNewTextDecoder(d.init)) state.localDecoders.add(d.id.name);
    else if (isBytes(d.init, state)) state.bytesVars.add(d.id.name);
    else if (isDecode(ctx, d.init, state)) state.textVars.add(d.id.name);
    else return false;
  }
  if (!isParse(ctx, assign.right, state)) return false;
  if (mentionsStreamEvent(j, next.handler, state) || mentions(j, next.handler, name)) block('the `catch` around the decode reads the stream event');
  state.chunk = name;
  state.chunkDeclarator = declarator;
  state.tryDecode = { node: next, assignment: assign };
  return true;
}

/**
 * `const { type, delta, usage } = JSON.parse(…)`: no name for the whole event; each property becomes a
 * name for that part of it (`type` for the event-type tests).
 */
function readDecodedPattern(pattern: AnyNode, state: State): void {
  state.chunk = '\u0000decoded event';
  for (const prop of pattern.properties as AnyNode[]) {
    const key = prop.type === 'ObjectProperty' || prop.type === 'Property' ? keyName(prop) : undefined;
    if (key === undefined || prop.computed || prop.value?.type !== 'Identifier') block('the decoded event is destructured in a way this codemod cannot read');
    const name: string = prop.value.name;
    if (key === 'type') state.typeAliases.add(name);
    else if (['delta', 'message', 'usage', 'content_block', 'index', 'amazon-bedrock-invocationMetrics'].includes(key as string)) {
      state.fieldAliases.push({ name, props: [key as string], cells: new Set(CELLS), event: state.chunk });
    } else block(`the decoded event's \`${key}\` has no ConverseStream counterpart`);
  }
}

/** The loop variable may only be read by the decode, the guards and the error checks. */
export function checkEventVariableUses(j: JSCodeshift, body: ASTPath, state: State): void {
  for (const h of state.handlers) {
    if (mentions(j, h.node, state.ev)) block(`the handlers read the raw stream event \`${state.ev}\``);
    if (state.chunkMember && mentions(j, h.node, state.chunkMember)) block(`the handlers read the raw \`${state.chunkMember}\``);
  }
  // Anything else reading the decoded event outside the handlers (e.g. logging it whole).
  for (const stmt of (body.node as AnyNode).body as AnyNode[]) {
    if (state.roles.get(stmt) === 'keep' && state.chunk && mentions(j, stmt, state.chunk)) block('an error check reads the decoded event');
  }
  const declaredInside = j(body.node).find(j.VariableDeclarator).filter((p) => {
    const d: AnyNode = p.node;
    return d.id.type === 'Identifier' && (d.id.name === state.ev || d.id.name === state.chunk) && p.node !== state.chunkDeclarator;
  });
  if (j(body.node).find(j.Function).some((p) => mentionsParam(p.node as AnyNode, [state.ev, state.chunk as string]))) {
    block('the event variable is shadowed inside the loop');
  }
  if (declaredInside.length > 0) block('the event variable is shadowed inside the loop');
  if (state.chunk) {
    let reassigned = false;
    j(body.node)
      .find(j.AssignmentExpression)
      .forEach((p) => {
        const l: AnyNode = p.node.left;
        const c = readChain(l);
        if (p.node === state.tryDecode?.assignment) return;
        if (c?.root?.type === 'Identifier' && (c.root.name === state.chunk || c.root.name === state.ev)) reassigned = true;
      });
    if (reassigned) block('the decoded event is modified in the loop');
  }
}

function mentionsParam(fn: AnyNode, names: string[]): boolean {
  return (fn.params ?? []).some((p: AnyNode) => p.type === 'Identifier' && names.includes(p.name));
}

