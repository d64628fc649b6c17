/**
 * The response side. `messages.create` returns the parsed message, and with `stream: true` an async iterable of
 * the same Anthropic stream events, so:
 *  - every decode chain of the response body (`JSON.parse(new TextDecoder().decode(res.body))`, `Buffer.from`,
 *    `transformToString`) becomes the response itself;
 *  - `for await (const event of res.body)` with `JSON.parse(decode(event.chunk.bytes))` inside becomes
 *    `for await (const event of res)`, the decode chain the event, and `if (event.chunk…)` guards go.
 * A response used any other way (returned, passed on, `$metadata`, error members of the stream) keeps the site.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { declarationOf, referencePaths, removeDeclarator, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import type { SiteKind } from './sites';

export interface ResponsePlan {
  apply(j: JSCodeshift, create: AnyNode): void;
  notes: string[];
  /** A decoded value had no type (JSON.parse gives `any`); it now has the SDK's type. */
  untyped: boolean;
}

/** True when the value of a decode chain was typed by the code (`as T`, or a typed declaration). */
function typed(end: AnyNode): boolean {
  const parent = end.parent?.node;
  if (parent?.type === 'TSAsExpression' || parent?.type === 'TSSatisfiesExpression') return true;
  return parent?.type === 'VariableDeclarator' && !!parent.id.typeAnnotation;
}

export type ResponseResult = { ok: true; plan: ResponsePlan } | { ok: false; why: string };

function isMember(node: AnyNode, name: string): boolean {
  return (node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression') && !node.computed && node.property.name === name;
}

/** Parent path, skipping TS wrappers and parentheses that do not change the value. */
function up(path: AnyNode): AnyNode {
  let p = path.parent;
  while (p && ['TSNonNullExpression', 'ParenthesizedExpression'].includes(p.node.type)) p = p.parent;
  return p;
}

function isTextDecoder(j: JSCodeshift, root: Collection, node: AnyNode, at: ASTPath): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === 'TextDecoder') return true;
  if (n?.type !== 'Identifier') return false;
  const decl = declarationOf(n.name, at);
  const init = decl?.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'TextDecoder';
}

/**
 * From the bytes expression (`res.body`, `event.chunk.bytes`) up to the end of its decode chain: the
 * `JSON.parse(...)` call path, plus a single-use `const text = decode(...)` declarator in between.
 */
function decodeChain(j: JSCodeshift, root: Collection, bytes: AnyNode): { end: AnyNode; textDecl?: AnyNode } | undefined {
  let p = up(bytes);
  let decoded: AnyNode;
  const node = p?.node;
  if (node?.type === 'CallExpression' && node.arguments.length >= 1 && unwrapExpression(node.arguments[0]) === bytes.node) {
    const callee = node.callee;
    if (isMember(callee, 'decode') && isTextDecoder(j, root, callee.object, p)) decoded = p;
    else if (isMember(callee, 'from') && callee.object.type === 'Identifier' && callee.object.name === 'Buffer') {
      const toString = up(p);
      if (isMember(toString.node, 'toString') && unwrapExpression(toString.node.object) === node) {
        const call = up(toString);
        if (call?.node.type === 'CallExpression' && call.node.callee === toString.node) decoded = call;
      }
    }
  } else if (isMember(node, 'transformToString') && unwrapExpression(node.object) === bytes.node) {
    const call = up(p);
    if (call?.node.type === 'CallExpression' && call.node.callee === node) decoded = call;
  }
  if (!decoded) return undefined;
  p = up(decoded);
  const isParse = (q: AnyNode, arg: AnyNode): boolean =>
    q?.node.type === 'CallExpression' && q.node.arguments.length === 1 && unwrapExpression(q.node.arguments[0]) === arg &&
    q.node.callee.type === 'MemberExpression' && q.node.callee.object.name === 'JSON' && q.node.callee.property.name === 'parse';
  if (isParse(p, decoded.node)) return { end: p };
  if (p?.node.type === 'VariableDeclarator' && p.node.init === decoded.node && p.node.id.type === 'Identifier') {
    const refs = referencePaths(j, root, p.node.id.name, p);
    if (refs.length === 1 && isParse(up(refs[0]), refs[0]!.node)) return { end: up(refs[0]), textDecl: p };
  }
  return undefined;
}

/** The `const res = await <call>` declarator, or undefined. */
function responseDeclarator(call: ASTPath): AnyNode {
  let p: AnyNode = call.parent;
  if (p?.node.type !== 'AwaitExpression') return undefined;
  p = p.parent;
  while (p && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(p.node.type)) p = p.parent;
  return p?.node.type === 'VariableDeclarator' && p.node.id.type === 'Identifier' ? p : undefined;
}

function replace(path: AnyNode, node: AnyNode): void {
  path.replace(node);
}

/** Plans the response side of a non-streaming site. */
function planInvoke(j: JSCodeshift, root: Collection, call: ASTPath): ResponseResult {
  const decl = responseDeclarator(call);
  if (!decl) return { ok: false, why: 'the response is not held in a variable here' };
  const name: string = decl.node.id.name;
  const refs = referencePaths(j, root, name, decl);
  const chains: Array<{ end: AnyNode; textDecl?: AnyNode }> = [];
  for (const ref of refs) {
    const body = up(ref);
    if (!isMember(body.node, 'body') || unwrapExpression(body.node.object) !== ref.node) return { ok: false, why: `the response "${name}" is used beyond its body` };
    const chain = decodeChain(j, root, body);
    if (!chain) return { ok: false, why: `the body of "${name}" is read without a JSON decode` };
    chains.push(chain);
  }
  if (chains.length === 0) return { ok: false, why: `the response "${name}" is never decoded` };
  return {
    ok: true,
    plan: {
      notes: [],
      untyped: chains.some((c) => !typed(c.end)),
      apply(jj) {
        // One decode right after the call: `const data = JSON.parse(…)` takes the call itself.
        const only = chains.length === 1 ? chains[0]! : undefined;
        const holder = only && up(only.end);
        const statement = decl.parent;
        const next = holder?.node.type === 'VariableDeclarator' && unwrapExpression(holder.node.init) === only!.end.node ? holder.parent : undefined;
        const list: AnyNode[] | undefined = statement.parent?.node.body;
        const adjacent = next && !only!.textDecl && Array.isArray(list) && list.indexOf(next.node) === list.indexOf(statement.node) + 1 && statement.node.declarations.length === 1;
        if (adjacent) {
          replace(only!.end, decl.node.init);
          jj(statement).remove();
          return;
        }
        for (const chain of chains) {
          replace(chain.end, jj.identifier(name));
          if (chain.textDecl) removeDeclarator(jj, chain.textDecl);
        }
      },
    },
  };
}

/** `event.chunk` / `event.chunk?.bytes` / `event.chunk && event.chunk.bytes` tests: true for any chunk. */
function isChunkTest(node: AnyNode, event: string): boolean {
  const n = unwrapExpression(node);
  if (n?.type === 'LogicalExpression' && n.operator === '&&') return isChunkTest(n.left, event) && isChunkTest(n.right, event);
  if (isMember(n, 'bytes')) return isChunkTest(n.object, event);
  return isMember(n, 'chunk') && n.object.type === 'Identifier' && n.object.name === event;
}

/** Plans the response side of a streaming site: one `for await` over `res.body`. */
function planStream(j: JSCodeshift, root: Collection, call: ASTPath): ResponseResult {
  const decl = responseDeclarator(call);
  if (!decl) return { ok: false, why: 'the stream response is not held in a variable here' };
  const name: string = decl.node.id.name;
  const bodyGuards: AnyNode[] = [];
  const refs = referencePaths(j, root, name, decl).filter((ref) => {
    // `if (!res.body) return;` / `throw …`: the SDK's stream is always there.
    const member = up(ref);
    const not = up(member);
    const guard = up(not);
    const exits = (s: AnyNode): boolean => ['ReturnStatement', 'ThrowStatement'].includes(s.type) || (s.type === 'BlockStatement' && s.body.length === 1 && exits(s.body[0]));
    if (isMember(member.node, 'body') && not?.node.type === 'UnaryExpression' && not.node.operator === '!' && guard?.node.type === 'IfStatement' &&
      guard.node.test === not.node && !guard.node.alternate && exits(guard.node.consequent) && Array.isArray(guard.parent.node.body)) {
      bodyGuards.push(guard);
      return false;
    }
    return true;
  });
  if (refs.length !== 1) return { ok: false, why: `the stream response "${name}" is used more than once` };
  const body = up(refs[0]);
  const loop = up(body);
  if (!isMember(body.node, 'body') || loop?.node.type !== 'ForOfStatement' || !loop.node.await || unwrapExpression(loop.node.right) !== body.node) {
    return { ok: false, why: `the stream "${name}.body" is not read by a for await loop here` };
  }
  const left = loop.node.left;
  const eventId = left.type === 'VariableDeclaration' ? left.declarations[0].id : undefined;
  if (eventId?.type !== 'Identifier') return { ok: false, why: 'the stream loop does not name its event' };
  const event: string = eventId.name;
  const uses = j(loop.get('body')).find(j.Identifier, { name: event } as never).paths();
  const chains: Array<{ end: AnyNode; textDecl?: AnyNode }> = [];
  const guards: AnyNode[] = [];
  for (const use of uses) {
    const member = up(use);
    if (isMember(member.node, 'chunk') && unwrapExpression(member.node.object) === use.node) {
      const bytes = up(member);
      if (isMember(bytes.node, 'bytes') && unwrapExpression(bytes.node.object) === member.node) {
        const chain = decodeChain(j, root, bytes);
        if (chain) {
          chains.push(chain);
          continue;
        }
      }
      // A guard on the chunk: `if (event.chunk?.bytes)` / `if (!event.chunk) continue;`
      let test: AnyNode = member;
      while (test.parent && test.parent.node.type !== 'IfStatement' && ['MemberExpression', 'OptionalMemberExpression', 'LogicalExpression', 'UnaryExpression', 'TSNonNullExpression'].includes(test.parent.node.type)) test = test.parent;
      const ifPath = test.parent;
      if (ifPath?.node.type === 'IfStatement' && ifPath.node.test === test.node && !ifPath.node.alternate) {
        const negated = test.node.type === 'UnaryExpression' && test.node.operator === '!';
        if (isChunkTest(negated ? test.node.argument : test.node, event)) {
          const exits = ['ContinueStatement', 'ReturnStatement'].includes(ifPath.node.consequent.type) ||
            (ifPath.node.consequent.type === 'BlockStatement' && ifPath.node.consequent.body.length === 1 && ifPath.node.consequent.body[0].type === 'ContinueStatement');
          if (negated ? exits : true) {
            if (!guards.includes(ifPath)) guards.push(ifPath);
            continue;
          }
        }
      }
    }
    return { ok: false, why: `the stream loop reads "${event}" beyond chunk.bytes (error members or metadata)` };
  }
  if (chains.length === 0) return { ok: false, why: 'the stream loop does not decode chunk.bytes with JSON.parse' };
  const metrics = j(loop.get('body')).find(j.StringLiteral, { value: 'amazon-bedrock-invocationMetrics' } as never).size() +
    j(loop.get('body')).find(j.Identifier, { name: 'amazon-bedrock-invocationMetrics' } as never).size();
  if (metrics > 0) return { ok: false, why: 'the loop reads amazon-bedrock-invocationMetrics, which the Messages API does not send' };
  // Events handed on whole (relays, proxies): the native stream's message_stop has no Bedrock metrics.
  const forwarded = chains.some((c) => {
    const holder = up(c.end);
    const name = holder?.node.type === 'VariableDeclarator' && holder.node.id.type === 'Identifier' ? holder.node.id.name : undefined;
    if (!name) return false;
    return j(loop.get('body')).find(j.Identifier, { name } as never).paths().some((p: AnyNode) => {
      const parent = up(p)?.node;
      return (parent?.type === 'CallExpression' && parent.callee !== p.node) || parent?.type === 'YieldExpression';
    });
  });
  const notes = forwarded ? ['stream events are handed on whole: on the Messages API, message_stop carries no amazon-bedrock-invocationMetrics'] : [];
  return {
    ok: true,
    plan: {
      notes,
      untyped: chains.some((c) => !typed(c.end)),
      apply(jj) {
        loop.node.right = jj.identifier(name);
        for (const guard of bodyGuards) jj(guard).remove();
        // `const data = JSON.parse(…event.chunk.bytes…)` as the one decode: the loop names its event `data`.
        const only = chains.length === 1 && !chains[0]!.textDecl ? chains[0]! : undefined;
        const holder = only && up(only.end);
        const rename = holder?.node.type === 'VariableDeclarator' && holder.node.init === only!.end.node && holder.node.id.type === 'Identifier' && !holder.node.id.typeAnnotation && holder.parent.node.declarations.length === 1 &&
          [loop.node.body, ...guards.map((g) => g.node.consequent)].includes(holder.parent.parent.node);
        if (rename) {
          eventId.name = holder.node.id.name;
          if (left.kind !== holder.parent.node.kind && holder.parent.node.kind === 'let') left.kind = 'let';
          jj(holder.parent).remove();
        } else {
          for (const chain of chains) {
            replace(chain.end, jj.identifier(event));
            if (chain.textDecl) removeDeclarator(jj, chain.textDecl);
          }
        }
        for (const guard of guards) {
          const negated = guard.node.test.type === 'UnaryExpression';
          const list: AnyNode[] | undefined = guard.parent.node.body;
          if (!Array.isArray(list)) {
            guard.node.test = jj.booleanLiteral(!negated);
            continue;
          }
          const at = list.indexOf(guard.node);
          const body = guard.node.consequent.type === 'BlockStatement' ? guard.node.consequent.body : [guard.node.consequent];
          list.splice(at, 1, ...(negated ? [] : body));
        }
      },
    },
  };
}

export function planResponse(j: JSCodeshift, root: Collection, kind: SiteKind, call: ASTPath): ResponseResult {
  return kind === 'invoke' ? planInvoke(j, root, call) : planStream(j, root, call);
}
