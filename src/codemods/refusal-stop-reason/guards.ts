/**
 * Code that reads the response text with no stop-reason check anywhere in the same function: a refusal
 * guard goes right after the response is available.
 * - InvokeModel: after `const body = JSON.parse(<decoded response body>)` → `body.stop_reason`;
 * - Converse: after `const response = await client.send(new ConverseCommand(...))` → `response.stopReason`;
 * - AnthropicBedrock: after `const message = await client.messages.create(...)` (or `stream.finalMessage()`);
 * - streams, first thing in the `for await` loop (after the chunk is parsed for InvokeModel streams):
 *   `message_delta.delta.stop_reason` (Anthropic events) or `messageStop.stopReason` (ConverseStream).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { functionBinding, type AnyNode } from '../../ast/bedrock';
import type { ClaudeCall } from './apis';
import { modelOf, shapeOfKind } from './apis';
import { handlingFor, record, refusalTest, type Built, type Site } from './handling';
import type { Run } from './resolve';
import { reparseWithInsertions } from './reparse';
import { checksStopReason, clone, contains, enclosingFunction, sameTree, isMember, memberName, mentionsRefusal, readsStopReason, REFUSAL, unwrap, type Shape } from './shared';

interface Guard {
  /** The statement the guard goes after (or the loop whose body it opens). */
  after?: ASTPath;
  /** For stream loops: the loop body block the guard opens. */
  openBlock?: AnyNode;
  /** The statement a marker goes on when nothing is inserted. */
  anchor: ASTPath;
  test: AnyNode;
  site: Site;
}

export function addGuards(run: Run): void {
  const { ctx } = run;
  const handled = new Map<AnyNode, boolean>();
  for (const call of run.apis.calls) {
    if (ctx.isIgnored(call.path)) continue;
    const fnPath = enclosingFunction(call.path);
    const fn = fnPath.node;
    if (!handled.has(fn)) handled.set(fn, checksStopReason(fn) || mentionsRefusal(fn));
    if (handled.get(fn)) continue;
    const guard = guardFor(run, call, fnPath);
    if (!guard) continue;
    const shape = guard.site.shape;
    const built: Built = handlingFor(ctx, guard.site);
    if (!('statements' in built)) {
      record(ctx, guard.anchor, '', 'check the stop reason before the text read here is used', shape, built);
      continue;
    }
    const statement = ctx.j.ifStatement(guard.test, ctx.j.blockStatement(built.statements));
    if (guard.openBlock) guard.openBlock.body.unshift(statement);
    else guard.after!.insertAfter(statement);
    record(ctx, guard.after ?? guard.anchor, 'added a check', '', shape, built);
    run.changed = true;
  }
}

/** The statement that holds `path` directly in a statement list. */
function statementOf(path: ASTPath): ASTPath | undefined {
  let p: ASTPath | null = path;
  while (p) {
    const parent: AnyNode = p.parentPath?.node;
    if (parent && Array.isArray(p.parentPath.value) && (parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'SwitchCase' || parent.type === 'StaticBlock')) {
      return p;
    }
    p = p.parentPath as ASTPath | null;
  }
  return undefined;
}

/**
 * `const x = await call(...)` → the declarator holding the call's result; `x = await call(...)` (a statement
 * of its own) → a declarator-like `{ id: x }`.
 */
function resultDeclarator(call: ClaudeCall): AnyNode | undefined {
  let p: ASTPath = call.path;
  while (p.parentPath && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression'].includes(p.parentPath.node.type)) {
    p = p.parentPath;
  }
  const parent: AnyNode = p.parentPath?.node;
  if (parent?.type === 'VariableDeclarator' && parent.init === p.node) return parent;
  if (
    parent?.type === 'AssignmentExpression' &&
    parent.operator === '=' &&
    parent.right === p.node &&
    parent.left.type === 'Identifier' &&
    p.parentPath.parentPath?.node.type === 'ExpressionStatement'
  ) {
    return { id: parent.left };
  }
  return undefined;
}

/**
 * Whether `fn` reads the text of the response held in `name`: `name.<prop>` in `fn`, or `name` passed to a
 * function of this file that reads `<param>.<prop>` and never looks at a stop reason itself.
 */
function readsText(run: Run, fn: AnyNode, name: string, props: string[]): boolean {
  if (readsProperty(fn, name, props)) return true;
  const helpers = helperFunctions(run);
  return contains(fn, (n) => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || !helpers.has(n.callee.name)) return false;
    const helper = helpers.get(n.callee.name);
    const index = n.arguments.findIndex((a: AnyNode) => unwrap(a)?.type === 'Identifier' && unwrap(a).name === name);
    const param = index >= 0 ? helper.params[index] : undefined;
    const paramName = param?.type === 'Identifier' ? param.name : param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : undefined;
    if (!paramName || readsStopReason(helper) || mentionsRefusal(helper)) return false;
    return readsProperty(helper, paramName, props);
  });
}

/**
 * Whether `fn` hands the response held in `name` back to its callers (`return name`), and its callers — all
 * of them calls in this file, the function being used nowhere else — read the text of what they get without
 * a stop-reason check of their own: `let reply = await callClaude(messages)` … `reply.output…`. The guard
 * then goes into `fn`, right after the response, where every caller is covered.
 */
function callersReadText(run: Run, fnPath: ASTPath, name: string, props: string[]): boolean {
  const { j, root } = run.ctx;
  const fn: AnyNode = fnPath.node;
  const returnsIt = contains(fn.body, (n) => n.type === 'ReturnStatement' && unwrap(n.argument)?.type === 'Identifier' && unwrap(n.argument).name === name);
  if (!returnsIt) return false;
  const binding = functionBinding(fnPath);
  if (!binding) return false;
  const helperName = binding.name;
  const holder: AnyNode = binding.declPath.node;
  let callsReadingText = 0;
  let otherUses = 0;
  root.find(j.Identifier, { name: helperName } as never).forEach((p) => {
    const parent: AnyNode = p.parentPath?.node;
    if (parent === fn || parent === holder) return; // the declaration itself
    if (parent?.type !== 'CallExpression' || parent.callee !== p.node) {
      otherUses++;
      return;
    }
    // `x = await helper(…)` / `const x = await helper(…)` in a function with no stop-reason check of its own.
    let up: ASTPath = p.parentPath as ASTPath;
    while (up.parentPath && ['AwaitExpression', 'ParenthesizedExpression'].includes(up.parentPath.node.type)) up = up.parentPath as ASTPath;
    const target: AnyNode = up.parentPath?.node;
    const variable =
      target?.type === 'VariableDeclarator' && target.id.type === 'Identifier' ? target.id.name : target?.type === 'AssignmentExpression' && target.left.type === 'Identifier' ? target.left.name : undefined;
    const caller = enclosingFunction(up).node;
    if (!variable || checksStopReason(caller) || mentionsRefusal(caller)) {
      otherUses++;
      return;
    }
    if (readsProperty(caller, variable, props)) callsReadingText++;
  });
  return otherUses === 0 && callsReadingText > 0;
}

const HELPERS = new WeakMap<object, Map<string, AnyNode>>();

/** Functions declared in the file by name: `function f() {}` and `const f = (…) => …` / `function (…) {}`. */
function helperFunctions(run: Run): Map<string, AnyNode> {
  const key = run.ctx.root.get().node;
  let map = HELPERS.get(key);
  if (map) return map;
  map = new Map();
  const { j } = run.ctx;
  run.ctx.root.find(j.FunctionDeclaration).forEach((p) => {
    const f: AnyNode = p.node;
    if (f.id) map!.set(f.id.name, f);
  });
  run.ctx.root.find(j.VariableDeclarator).forEach((p) => {
    const d: AnyNode = p.node;
    const init = unwrap(d.init);
    if (d.id.type === 'Identifier' && (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression')) map!.set(d.id.name, init);
  });
  HELPERS.set(key, map);
  return map;
}

function member(j: JSCodeshift, object: AnyNode, name: string, optional = false): AnyNode {
  if (optional) return j.optionalMemberExpression(object, j.identifier(name), false, true);
  return j.memberExpression(object, j.identifier(name));
}

/** Whether `fn` reads `<name>.<prop>` somewhere. */
function readsProperty(fn: AnyNode, name: string, props: string[]): boolean {
  return contains(fn, (n) => isMember(n) && props.includes(memberName(n) ?? '') && unwrap(n.object)?.type === 'Identifier' && unwrap(n.object).name === name);
}

function refersTo(node: AnyNode, name: string): boolean {
  return contains(node, (n) => n.type === 'Identifier' && n.name === name);
}

function guardFor(run: Run, call: ClaudeCall, fnPath: ASTPath): Guard | undefined {
  const { j } = run.ctx;
  const fn: AnyNode = fnPath.node;
  const shape: Shape = shapeOfKind(call.kind);
  const model = modelOf(call);
  const declarator = resultDeclarator(call);
  const name: string | undefined = declarator?.id.type === 'Identifier' ? declarator.id.name : undefined;
  const callStatement = statementOf(call.path);
  if (!callStatement) return undefined;

  if (call.kind === 'converse' || call.kind === 'message') {
    const textProps = call.kind === 'converse' ? ['output'] : ['content'];
    if (!name) {
      const destructured = declarator?.id.type === 'ObjectPattern' && declarator.id.properties.some((p: AnyNode) => textProps.includes(p.key?.name));
      if (destructured) {
        // `const { output } = await …` → `const { output, stopReason } = await …`, then the guard on it.
        const reason = destructureStopReason(run, callStatement, declarator.id, shape === 'converse' ? 'stopReason' : 'stop_reason');
        if (!reason) return markOnly(run, callStatement, shape);
        const site: Site = { shape, at: callStatement, reason, subject: reason, model };
        return { after: callStatement, anchor: callStatement, test: refusalTest(j, shape, reason, run.ts), site };
      }
      if (contains(callStatement.node, (n) => isMember(n) && textProps.includes(memberName(n) ?? ''))) {
        return markOnly(run, callStatement, shape);
      }
      return undefined;
    }
    if (!readsText(run, fn, name, textProps) && !callersReadText(run, fnPath, name, textProps)) return undefined;
    const reason = member(j, j.identifier(name), shape === 'converse' ? 'stopReason' : 'stop_reason');
    const after = statementOf(call.path)!;
    const site: Site = { shape, at: after, reason, subject: j.identifier(name), model };
    return { after, anchor: after, test: refusalTest(j, shape, reason, run.ts), site };
  }

  if (call.kind === 'invoke') {
    // The decoded body: `const body = JSON.parse(<…name.body… or the call itself>)`, possibly via one variable.
    const decoded = new Set<string>(name ? [name] : []);
    let found: ASTPath | undefined;
    j(fnPath)
      .find(j.VariableDeclarator)
      .forEach((p) => {
        if (found) return;
        const d: AnyNode = p.node;
        if ((d.id.type !== 'Identifier' && d.id.type !== 'ObjectPattern') || !d.init) return;
        const init = unwrap(d.init.type === 'AwaitExpression' ? d.init.argument : d.init);
        const mentions = (n: AnyNode) => n === call.path.node || [...decoded].some((v) => refersTo(n, v)) || contains(n, (x) => x === call.path.node);
        if (isJsonParse(init) && mentions(init.arguments[0])) found = p as ASTPath;
        else if (d !== declarator && d.id.type === 'Identifier' && mentions(init)) decoded.add(d.id.name);
      });
    if (!found) return undefined;
    const body: AnyNode = found.node;
    if (body.id.type === 'ObjectPattern') {
      // `const { content } = JSON.parse(…)` → `const { content, stop_reason } = JSON.parse(…)`
      if (!body.id.properties.some((p: AnyNode) => p.key?.name === 'content')) return undefined;
      const after = statementOf(found);
      if (!after) return undefined;
      const reason = destructureStopReason(run, after, body.id, 'stop_reason');
      if (!reason) return markOnly(run, after, shape);
      const site: Site = { shape, at: after, reason, subject: reason, model };
      return { after, anchor: after, test: refusalTest(j, shape, reason, run.ts), site };
    }
    if (!readsText(run, fn, body.id.name, ['content'])) return undefined;
    const after = statementOf(found);
    if (!after || !typeAllowsStopReason(run, body.id.typeAnnotation)) return after && markOnly(run, after, shape, 'its declared type has no stop_reason');
    const reason = member(j, j.identifier(body.id.name), 'stop_reason');
    const site: Site = { shape, at: after, reason, subject: j.identifier(body.id.name), model };
    return { after, anchor: after, test: refusalTest(j, shape, reason, run.ts), site };
  }

  // Streams: the `for await` loop over the response (or over its `body` / `stream`, also destructured).
  const sourceProp = call.kind === 'invoke-stream' ? 'body' : call.kind === 'converse-stream' ? 'stream' : undefined;
  const aliases = new Set<string>();
  if (sourceProp && declarator?.id.type === 'ObjectPattern') {
    for (const prop of declarator.id.properties) {
      if (prop.key?.name === sourceProp && !prop.computed && prop.value?.type === 'Identifier') aliases.add(prop.value.name);
    }
  }
  if (!name && aliases.size === 0) return undefined;
  if (sourceProp && name) {
    j(fnPath)
      .find(j.VariableDeclarator)
      .forEach((p) => {
        const d: AnyNode = p.node;
        const init = unwrap(d.init);
        if (d.id.type === 'Identifier' && isMember(init) && memberName(init) === sourceProp && unwrap(init.object)?.type === 'Identifier' && unwrap(init.object).name === name) {
          aliases.add(d.id.name);
        }
      });
  }
  const iterates = (right: AnyNode): boolean => {
    let r = unwrap(right);
    if (r?.type === 'LogicalExpression') r = unwrap(r.left);
    if (!sourceProp) return r?.type === 'Identifier' && r.name === name;
    if (r?.type === 'Identifier') return aliases.has(r.name);
    return isMember(r) && memberName(r) === sourceProp && unwrap(r.object)?.type === 'Identifier' && unwrap(r.object).name === name;
  };
  let loop: ASTPath | undefined;
  j(fnPath)
    .find(j.ForOfStatement)
    .forEach((p) => {
      if (!loop && iterates((p.node as AnyNode).right)) loop = p as ASTPath;
    });
  if (!loop) return undefined;
  const node: AnyNode = loop.node;
  const anchor = statementOf(loop) ?? loop;
  const variable = node.left.type === 'VariableDeclaration' ? node.left.declarations[0].id : node.left;
  if (node.body.type !== 'BlockStatement' || variable?.type !== 'Identifier') return markOnly(run, anchor, shape);
  const textRead = call.kind === 'converse-stream' ? /contentBlockDelta/ : /delta/;
  if (!contains(node.body, (n) => n.type === 'Identifier' && textRead.test(n.name))) return undefined;

  if (call.kind === 'converse-stream') {
    const reason = member(j, member(j, j.identifier(variable.name), 'messageStop'), 'stopReason', true);
    const site: Site = { shape, at: loop.get('body', 'body', 0) ?? loop, reason, subject: j.identifier(variable.name), model };
    return { openBlock: node.body, anchor, test: refusalTest(j, shape, reason, run.ts), site };
  }

  // Anthropic events: `message_delta` carries `delta.stop_reason`.
  let eventName = variable.name;
  let after: ASTPath | undefined;
  if (call.kind === 'invoke-stream') {
    j(loop)
      .find(j.VariableDeclarator)
      .forEach((p) => {
        const d: AnyNode = p.node;
        if (!after && d.id.type === 'Identifier' && isJsonParse(unwrap(d.init))) {
          eventName = d.id.name;
          after = statementOf(p as ASTPath);
        }
      });
    if (!after) return markOnly(run, anchor, shape);
  }
  const event = j.identifier(eventName);
  const reason = member(j, member(j, event, 'delta'), 'stop_reason');
  const test = j.logicalExpression(
    '&&',
    j.binaryExpression('===', member(j, j.identifier(eventName), 'type'), j.stringLiteral('message_delta')),
    j.binaryExpression('===', reason, j.stringLiteral(REFUSAL)),
  );
  const at = after ?? loop.get('body', 'body', 0) ?? loop;
  const site: Site = { shape, at, reason, subject: j.identifier(eventName), model };
  return after ? { after, anchor, test, site } : { openBlock: node.body, anchor, test, site };
}

function isJsonParse(n: AnyNode): boolean {
  return n?.type === 'CallExpression' && isMember(n.callee) && n.callee.object.type === 'Identifier' && n.callee.object.name === 'JSON' && memberName(n.callee) === 'parse';
}

/** A declared type for the decoded body must have a `stop_reason` member (a local type without one: marker). */
function typeAllowsStopReason(run: Run, annotation: AnyNode): boolean {
  const t = annotation?.typeAnnotation;
  if (t?.type !== 'TSTypeReference' || t.typeName.type !== 'Identifier') return true;
  const name = t.typeName.name;
  let ok = true;
  run.ctx.root.find(run.ctx.j.TSInterfaceDeclaration).forEach((p) => {
    const d: AnyNode = p.node;
    if (d.id.name === name && !d.body.body.some((m: AnyNode) => m.key?.name === 'stop_reason' || m.key?.value === 'stop_reason')) ok = false;
  });
  run.ctx.root.find(run.ctx.j.TSTypeAliasDeclaration).forEach((p) => {
    const d: AnyNode = p.node;
    if (d.id.name === name && d.typeAnnotation.type === 'TSTypeLiteral' && !d.typeAnnotation.members.some((m: AnyNode) => m.key?.name === 'stop_reason')) ok = false;
  });
  return ok;
}

function markOnly(run: Run, anchor: ASTPath, shape: Shape, why = ''): undefined {
  record(run.ctx, anchor, '', 'check the stop reason before the text read here is used', shape, { unavailable: why });
  return undefined;
}

/**
 * Adds the stop reason to an object pattern (`{ output }` → `{ output, stopReason }`) and returns the
 * identifier that holds it; undefined when the pattern has a type annotation or a rest element, or when the
 * name is already taken in the function.
 */
function destructureStopReason(run: Run, statement: ASTPath, pattern: AnyNode, key: string): AnyNode | undefined {
  const { j } = run.ctx;
  if (pattern.typeAnnotation || pattern.properties.some((p: AnyNode) => p.type === 'RestElement')) return undefined;
  if (statement.scope?.lookup(key) || contains(enclosingFunction(statement).node, (n) => n.type === 'Identifier' && n.name === key)) {
    return undefined;
  }
  // In the original text when the declaration is untouched (recast would put the pattern on several lines).
  const prop: AnyNode = j.objectProperty(j.identifier(key), j.identifier(key));
  prop.shorthand = true;
  const last = pattern.properties[pattern.properties.length - 1];
  const decl: AnyNode = statement.node;
  if (last && typeof last.end === 'number' && decl.type === 'VariableDeclaration' && decl.declarations.length === 1) {
    const expected = clone(decl);
    expected.declarations[0].id.properties.push(prop);
    const done = reparseWithInsertions(run, statement, [{ at: last.end, text: `, ${key}` }], (fresh) => sameTree(fresh, expected));
    if (done) return j.identifier(key);
  }
  pattern.properties.push(prop);
  return j.identifier(key);
}
