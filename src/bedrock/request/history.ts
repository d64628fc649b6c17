/**
 * Arrays the request is built from as the code goes: a local history of messages (or of content blocks) that
 * starts as a literal and grows by `push`, also when it reaches the call through a same-file helper's
 * parameter. Each element is mapped where it is written; the array's TS annotation follows.
 */
import { functionBinding, keyName, referencePaths, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { layoutExpression } from '../layout';
import { mapContentBlock } from './content';
import { mapMessage } from './messages';
import { bindingFor } from './scope';
import { type RequestBuilder } from './state';
import { block } from '../result';

/**
 * `messages: history` where `history` is a local array: every use must be a `push` of message literals
 * (converted in place), a read of `.length`, or this request. Its TS annotation becomes `Message[]`.
 */
export function mapHistory(b: RequestBuilder, id: AnyNode): AnyNode {
  return localArray(b, id, 'messages', 'Message', (m) => [mapMessage(b, m, true)]);
}

/**
 * `messages` is a parameter of a same-file helper (`async function callClaude(messages) { … }`): every
 * call of the helper must pass a local history array, which is then rewritten where it is built. The
 * helper must not be exported, and the parameter must be used only for this request.
 */
export function parameterHistory(b: RequestBuilder, id: AnyNode, param: AnyNode): AnyNode {
  const why = `messages ("${id.name}") is a parameter`;
  const fnPath: AnyNode = param.parent;
  const fn: AnyNode = fnPath?.node;
  if (!fn || !/Function/.test(fn.type)) block(`${why} (its shape is unknown)`);
  const index = fn.params.indexOf(param.node);
  if (index < 0) block(`${why} with a default or pattern`);
  const binding = functionBinding(fnPath);
  if (!binding) block(`${why} of an anonymous function or method (its callers are unknown)`);
  const { name, declPath } = binding!;
  const holder = (declPath.node.type === 'VariableDeclarator' ? declPath.parent : declPath).parent?.node;
  if (holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration') block(`${why} of "${name}", which is exported`);
  if (referencePaths(b.j, b.ctx.root, id.name, param).length !== 1) block(`${why} used for more than this request`);
  const ann = param.node.typeAnnotation?.typeAnnotation;
  const anyArray = ann && (ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'));
  if (ann && !anyArray) block(`${why} with a type annotation`);
  const calls = referencePaths(b.j, b.ctx.root, name, declPath);
  if (calls.length === 0) block(`${why} of "${name}", which is never called here`);
  const helper = name;
  const isHelperArg = (use: AnyNode) => {
    const call = use.parent?.node;
    return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === helper && call.arguments[index] === use.node;
  };
  for (const c of calls) {
    const call: AnyNode = c.parent.node;
    if (call.type !== 'CallExpression' || call.callee !== c.node) block(`${why} of "${name}", which is passed on`);
    const arg = unwrapExpression(call.arguments[index]);
    if (arg?.type !== 'Identifier') block(`${why}: a call of "${name}" passes something other than a local array`);
    const argDecl = bindingFor(b, arg);
    if (!argDecl || argDecl.node.type !== 'VariableDeclarator') block(`${why}: a call of "${name}" passes something other than a local array`);
    localArray(b, arg, 'messages', 'Message', (m) => [mapMessage(b, m, true)], isHelperArg);
  }
  return id;
}

/** `content: results` where `results` is a local array of content-block literals built with push. */
export function blockArray(b: RequestBuilder, id: AnyNode): AnyNode {
  return localArray(b, id, 'content', 'ContentBlock', (el) => mapContentBlock(b, el));
}

/** A local array of `what` built with literals and `push` calls: each element mapped where it is written. */
export function localArray(
  b: RequestBuilder,
  id: AnyNode,
  what: string,
  typeName: string,
  mapElement: (el: AnyNode) => AnyNode[],
  alsoConsumer: (use: AnyNode) => boolean = () => false,
): AnyNode {
  const j = b.j;
  const decl = bindingFor(b, id);
  if (decl && decl.node.type === 'Identifier' && what === 'messages') return parameterHistory(b, id, decl);
  if (!decl || decl.node.type !== 'VariableDeclarator') block(`${what} ("${id.name}") is not a local array (its shape is unknown)`);
  // The same array handed over twice (a helper called in a loop) is rewritten once.
  if (b.seenArrays.has(decl.node)) return id;
  b.seenArrays.add(decl.node);
  const init = unwrapExpression(decl.node.init);
  if (init?.type !== 'ArrayExpression') block(`${what} ("${id.name}") does not start as an array literal`);
  const initial = init.elements.flatMap((m: AnyNode) => mapElement(m));
  const pushes: Array<{ call: AnyNode; args: AnyNode[] }> = [];
  let consumers = 0;
  for (const use of referencePaths(b.j, b.ctx.root, id.name, decl)) {
    const parent: AnyNode = use.parent.node;
    if (use.node === id) {
      consumers++;
      continue;
    }
    if (alsoConsumer(use)) continue;
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
      const member = parent.property.name;
      const grand: AnyNode = use.parent.parent.node;
      if (member === 'length') continue;
      if (member === 'push' && grand.type === 'CallExpression' && grand.callee === parent) {
        if (grand.arguments.some((a: AnyNode) => a.type === 'SpreadElement')) block(`${what} ("${id.name}") gets a spread pushed`);
        pushes.push({ call: grand, args: grand.arguments.flatMap((m: AnyNode) => mapElement(m)) });
        continue;
      }
      if ((member === 'pop' || member === 'shift') && grand.type === 'CallExpression' && use.parent.parent.parent.node.type === 'ExpressionStatement') continue;
    }
    if (what === 'messages' && parent.type === 'ObjectProperty' && parent.value === use.node && keyName(parent) === 'messages') {
      consumers++;
      continue;
    }
    block(`${what} ("${id.name}") is used in a way whose shape cannot be followed`);
  }
  if (consumers > 1) block(`${what} ("${id.name}") is sent by more than one call`);
  b.effects.push(() => {
    const changedInit = initial.length !== init.elements.length || initial.some((x: AnyNode, i: number) => x !== init.elements[i]);
    if (changedInit) decl.node.init = layoutExpression(b.ctx, j.arrayExpression(initial), decl.node);
    for (const p of pushes) {
      if (p.args.length !== p.call.arguments.length || p.args.some((a, i) => a !== p.call.arguments[i])) {
        p.call.arguments = p.args.map((a) => layoutExpression(b.ctx, a, p.call));
      }
    }
    if (b.isTs) {
      const ann = decl.node.id.typeAnnotation?.typeAnnotation;
      const isAny = ann && (ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'));
      if (!isAny) {
        const t = b.options.typeRef?.(typeName);
        if (t) decl.node.id.typeAnnotation = j.tsTypeAnnotation(j.tsArrayType(j.tsTypeReference(t)));
      }
    }
  });
  return id;
}
