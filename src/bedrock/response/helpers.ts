/**
 * A same-file async helper that returns the parsed message (`return JSON.parse(…)`): followed into every call
 * of the helper, so its callers read the migrated response.
 */
import { declarationOf, functionBinding, referencePaths, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { use } from './follow';
import { type ResponseAnalyzer } from './state';
import { block } from '../result';
import { RESPONSE_RETURNED, RETURNS_RESPONSE } from '../flow/modules/crossing';
import { exportedMessageSource, followedMessageSource, isExportReference, messageSourceBoundary } from '../flow/modules/message';

/** `await helper(…)` with `helper` a function known to return the parsed message. */
export function isHelperCall(a: ResponseAnalyzer, node: AnyNode): boolean {
  const n = unwrapExpression(node);
  return n?.type === 'AwaitExpression' && n.argument?.type === 'CallExpression' && n.argument.callee.type === 'Identifier' && [...a.helpers].some((h) => h.name === n.argument.callee.name);
}

/** `return JSON.parse(…)` in a same-file async helper: every call of the helper is followed as the message. */
export function returnedMessage(a: ResponseAnalyzer, p: AnyNode): void {
  let fnPath: AnyNode = p.parent;
  while (fnPath && !/Function/.test(fnPath.node.type)) fnPath = fnPath.parent;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !fn.async) block('the parsed response is returned from a function that is not async');
  if (a.visitedHelpers.has(fn)) return;
  a.visitedHelpers.add(fn);
  if (fn.returnType) block('the parsed response is returned from a function with a declared return type');
  const binding = functionBinding(fnPath);
  if (!binding) block('the parsed response is returned from an anonymous function or method');
  const { name, declPath } = binding!;
  // Every return of the helper must be this one: callers then only ever see the migrated response.
  if (fn.body.type === 'BlockStatement') {
    let returns = 0;
    a.j(fnPath)
      .find(a.j.ReturnStatement)
      .forEach((r: AnyNode) => {
        let cur = r.parent;
        while (cur && cur.node !== fn && !/Function/.test(cur.node.type)) cur = cur.parent;
        if (cur?.node === fn) returns++;
      });
    if (returns !== 1) block(`"${name}" returns other values besides the parsed response`);
  }
  const holder = (declPath.node.type === 'VariableDeclarator' ? declPath.parent : declPath).parent?.node;
  // Runner only: every caller in the run, in other modules, reads the message and follows it too.
  const crossModule = a.textCompletion ? undefined : exportedMessageSource(a.ctx, name);
  if (!crossModule && (holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration')) {
    block(messageSourceBoundary(a.ctx, name) ?? `${RESPONSE_RETURNED} "${name}", which is exported`);
  }
  if (crossModule) a.rewrites.push(() => followedMessageSource(a.ctx, crossModule, fnPath));
  const id = { name };
  a.helpers.add(id);
  const refs = referencePaths(a.j, a.ctx.root, name, declPath).filter((r) => !crossModule || !isExportReference(r));
  if (refs.length === 0 && !crossModule) block(`"${name}" ${RETURNS_RESPONSE} and is never called here`);
  for (const r of refs) {
    const call: AnyNode = r.parent;
    if (call.node.type !== 'CallExpression' || call.node.callee !== r.node) block(`"${name}" ${RETURNS_RESPONSE} and is passed on`);
    let awaited: AnyNode = call.parent;
    if (awaited.node.type !== 'AwaitExpression') block(`a call of "${name}" is not awaited`);
    while (awaited.parent.node.type === 'ParenthesizedExpression') awaited = awaited.parent;
    const parent: AnyNode = awaited.parent.node;
    if (parent.type === 'AssignmentExpression' && parent.right === awaited.node && parent.left.type === 'Identifier') {
      // `reply = await helper()`: the variable must be one that holds the helper's result from its declaration.
      const decl = declarationOf(parent.left.name, awaited);
      if (decl?.node.type !== 'VariableDeclarator' || !isHelperCall(a, decl.node.init)) block(`the result of "${name}" is assigned to a variable that holds other values`);
      a.helperAssigned.add(awaited.node);
      continue;
    }
    use(a, awaited, 'message');
  }
}
