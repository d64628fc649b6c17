/**
 * From a stream call to the loop that reads it:
 *   new InvokeModelWithResponseStreamCommand(input) | client.invokeModelWithResponseStream(input)
 *     → the awaited `send(...)` → the response (variable, `{ body }` destructuring, or inline `.body`)
 *     → the one `for await (… of response.body)` loop.
 * Everything the response is used for must be known; otherwise the call stays as it is.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { declarationOf, functionBinding, referencePaths, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { inputObjectPath, type Site } from '../../bedrock/sites';
import { attempt, block, type Mapped } from '../../bedrock/result';
import { isMember, memberName, readChain } from './chain';
import { exportedByCommonJs, followIntoHelper, paramTypeRefs, type HelperHop } from './helper';

export interface StreamSite {
  /** The command construction or the aggregated call. */
  at: ASTPath;
  /** The input object literal. */
  input: ASTPath;
  /** Where `body` must become `stream` once migrated. */
  bodyReads: ASTPath[];
  /** `const { body } = await …`: the pattern property to rename. */
  bodyPattern?: ASTPath;
  loop: ASTPath;
  /** Type annotations naming the InvokeModelWithResponseStream input/output types (renamed along). */
  typeRefs: Array<{ path: ASTPath; to: string }>;
  /** `as AsyncIterable<ResponseStream>` around the stream: dropped (the ConverseStream type is inferred). */
  casts: ASTPath[];
}

const parentOf = (p: ASTPath): ASTPath => (p as AnyNode).parent as ASTPath;

/** Walks up through `x!`, `x as T`, parentheses. */
function outer(p: ASTPath): ASTPath {
  let cur = p;
  while (['TSNonNullExpression', 'TSAsExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression'].includes((parentOf(cur).node as AnyNode).type)) {
    cur = parentOf(cur);
  }
  return cur;
}

/** The input object literal of a call, when it has one (nothing is checked beyond that). */
export function peekInput(ctx: CodemodContext, at: ASTPath): ASTPath | undefined {
  const input = attempt(() => inputObject(ctx, at, []));
  return input && !('reason' in input) ? input : undefined;
}

export function findSite(ctx: CodemodContext, at: ASTPath, aggregated: boolean): Mapped<StreamSite> {
  return attempt(() => locate(ctx, at, aggregated));
}

function locate(ctx: CodemodContext, at: ASTPath, aggregated: boolean): StreamSite {
  const { j, root } = ctx;
  const casts: ASTPath[] = [];
  const typeRefs: StreamSite['typeRefs'] = [];
  const input = inputObject(ctx, at, typeRefs);

  // The call whose promise resolves to the response.
  let send: ASTPath;
  if (aggregated) send = at;
  else {
    const p = outer(at);
    const parent: AnyNode = parentOf(p).node;
    if (parent.type === 'CallExpression' && parent.arguments[0] === p.node && isMember(parent.callee) && memberName(parent.callee) === 'send') {
      send = parentOf(p);
    } else if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.init === p.node) {
      // `command.input.modelId = …` after construction: the same field on ConverseStream, kept as it is.
      const uses = referencePaths(j, root, parent.id.name, parentOf(p)).filter((u) => !setsModelId(u));
      if (uses.length !== 1) block('the command object is used in more than one place');
      const u = outer(uses[0]);
      const call: AnyNode = parentOf(u).node;
      if (!(call.type === 'CallExpression' && call.arguments[0] === u.node && isMember(call.callee) && memberName(call.callee) === 'send')) {
        block('the command is not passed straight to `send`');
      }
      send = parentOf(u);
    } else {
      send = sentByCaller(ctx, p);
    }
  }
  const awaited = outer(send);
  const awaitPath = parentOf(awaited);
  if ((awaitPath.node as AnyNode).type !== 'AwaitExpression') block('the response is not awaited where it is requested');
  const holder = outer(awaitPath);
  const hp = parentOf(holder);
  const hn: AnyNode = hp.node;

  // Inline: for await (const e of (await client.send(cmd)).body)
  if (isMember(hn) && hn.object === holder.node && memberName(hn) === 'body') {
    const loop = loopOver(hp, casts);
    if (!loop) block('`body` is not read by a `for await` loop');
    return { at, input, bodyReads: [hp], loop: loop as ASTPath, typeRefs, casts };
  }
  if (hn.type !== 'VariableDeclarator' || hn.init !== holder.node) block('the response is not kept in a variable');
  const annotation = hn.id.typeAnnotation?.typeAnnotation;
  if (annotation) {
    if (!isStreamType(annotation, 'InvokeModelWithResponseStreamCommandOutput')) block('the response variable has a type annotation this codemod does not know');
    typeRefs.push({ path: (hp.get('id') as AnyNode).get('typeAnnotation').get('typeAnnotation'), to: 'ConverseStreamCommandOutput' });
  }

  if (hn.id.type === 'ObjectPattern') {
    const props: AnyNode[] = hn.id.properties;
    const bodyIndex = props.findIndex((p) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && p.key.type === 'Identifier' && p.key.name === 'body');
    if (bodyIndex < 0 || props.some((p, i) => i !== bodyIndex && !(p.key?.name === '$metadata' && !p.computed))) {
      block('the response is destructured into fields ConverseStream does not have');
    }
    const prop = props[bodyIndex];
    if (prop.value.type !== 'Identifier') block('`body` is destructured further');
    const propPath = ((hp.get('id') as AnyNode).get('properties') as AnyNode).get(bodyIndex) as ASTPath;
    const valuePath = (propPath as AnyNode).get('value') as ASTPath;
    const uses = referencePaths(j, root, prop.value.name, declarationOf(prop.value.name, valuePath) ?? hp);
    const { loop } = checkBodyUses(ctx, uses, casts, typeRefs);
    return { at, input, bodyReads: [], bodyPattern: propPath, loop, typeRefs, casts };
  }
  if (hn.id.type !== 'Identifier') block('the response is bound by a pattern');
  const uses = referencePaths(j, root, hn.id.name, hp);
  const bodyUses: ASTPath[] = [];
  for (const u of uses) {
    const w = outer(u);
    const parent: AnyNode = parentOf(w).node;
    const name = isMember(parent) && parent.object === w.node ? memberName(parent) : undefined;
    if (name === '$metadata') continue;
    if (name !== 'body') block(`the response is used for more than its \`body\`${name ? ` (\`${name}\`)` : ''}`);
    bodyUses.push(parentOf(w));
  }
  const { loop } = checkBodyUses(ctx, bodyUses, casts, typeRefs);
  return { at, input, bodyReads: bodyUses, loop, typeRefs, casts };
}

/**
 * `function buildCommand(prompt) { return new InvokeModelWithResponseStreamCommand({…}); }` sent by its one
 * caller as `client.send(buildCommand(…))`: the command and the loop after that send migrate together.
 */
function sentByCaller(ctx: CodemodContext, p: ASTPath): ASTPath {
  const { j, root } = ctx;
  const parent = parentOf(p);
  let fnPath: AnyNode;
  if ((parent.node as AnyNode).type === 'ReturnStatement') {
    fnPath = parent;
    while (fnPath && !/Function/.test(fnPath.node.type)) fnPath = fnPath.parent;
  } else if ((parent.node as AnyNode).type === 'ArrowFunctionExpression' && (parent.node as AnyNode).body === p.node) {
    fnPath = parent;
  }
  const binding = fnPath ? functionBinding(fnPath) : undefined;
  if (!binding) return block('the command is not sent where it is built');
  const fn: AnyNode = fnPath.node;
  const returns = j(fnPath as ASTPath)
    .find(j.ReturnStatement)
    .filter((r) => j(r).closest(j.Function).get().node === fn);
  if (fn.body.type === 'BlockStatement' && returns.size() !== 1) block(`the command is built in \`${binding.name}\`, which returns more than one value`);
  const exported = [binding.declPath, binding.declPath.parent, binding.declPath.parent?.parent].some((x: AnyNode) => /^Export/.test(x?.node?.type ?? ''));
  if (exported || exportedByCommonJs(j, root, binding.name)) block(`the command is built in \`${binding.name}\`, which other modules can call too`);
  const calls = referencePaths(j, root, binding.name, binding.declPath);
  if (calls.length !== 1) block(`the command is built in \`${binding.name}\`, which is called from more than one place`);
  const callPath = parentOf(calls[0]);
  if ((callPath.node as AnyNode).type !== 'CallExpression' || (callPath.node as AnyNode).callee !== calls[0].node) block(`\`${binding.name}\` is passed on instead of called`);
  const w = outer(callPath);
  const send: AnyNode = parentOf(w).node;
  if (!(send.type === 'CallExpression' && send.arguments[0] === w.node && isMember(send.callee) && memberName(send.callee) === 'send')) {
    block(`the command built in \`${binding.name}\` is not passed straight to \`send\``);
  }
  return parentOf(w);
}

/** `command.input.modelId = …`; any other write into `command.input` keeps the call. */
function setsModelId(use: ASTPath): boolean {
  const input: AnyNode = parentOf(use).node;
  if (!isMember(input) || memberName(input) !== 'input' || input.object !== use.node) return false;
  const field: AnyNode = parentOf(parentOf(use)).node;
  const assign: AnyNode = parentOf(parentOf(parentOf(use))).node;
  if (!isMember(field) || field.object !== input || assign?.type !== 'AssignmentExpression' || assign.left !== field) return false;
  if (memberName(field) !== 'modelId') block(`the command input's \`${memberName(field) ?? '…'}\` is changed after construction`);
  return true;
}

/**
 * One `for await` loop over the stream; other reads only test whether it is there. The stream may be handed
 * to a helper of this file first (helper.ts): its loop over the parameter is the one.
 */
function checkBodyUses(ctx: CodemodContext, uses: ASTPath[], casts: ASTPath[], typeRefs: StreamSite['typeRefs'], depth = 0): { loop: ASTPath } {
  let loop: ASTPath | undefined;
  const found = (l: ASTPath) => {
    if (loop) block('the stream is read by more than one loop');
    loop = l;
  };
  for (const u of uses) {
    const l = loopOver(u, casts);
    if (l) {
      found(l);
      continue;
    }
    const w = outer(u);
    const parent: AnyNode = parentOf(w).node;
    const isTest =
      (parent.type === 'UnaryExpression' && parent.operator === '!') ||
      (parent.type === 'IfStatement' && parent.test === w.node) ||
      (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator));
    if (isTest) continue;
    const hop = depth < 2 ? followIntoHelper(ctx, w) : undefined;
    if (!hop) block('the stream is handed on instead of being read by a `for await` loop here');
    paramTypeRefs(ctx.j, (hop as HelperHop).param, typeRefs);
    found(checkBodyUses(ctx, (hop as HelperHop).uses, casts, typeRefs, depth + 1).loop);
  }
  if (!loop) block('no `for await` loop reads the stream in this function');
  return { loop: loop as ASTPath };
}

/** Casts of the stream to the InvokeModelWithResponseStream event type (`as AsyncIterable<ResponseStream>`). */
function castsAround(p: ASTPath, casts: ASTPath[]): void {
  for (let cur = p; ; cur = parentOf(cur)) {
    const parent: AnyNode = parentOf(cur).node;
    if (!['TSNonNullExpression', 'TSAsExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression', 'TSTypeAssertion'].includes(parent.type)) return;
    if (parent.type !== 'TSNonNullExpression' && parent.type !== 'ParenthesizedExpression') {
      let mentionsEventType = false;
      const visit = (n: AnyNode) => {
        if (!n || typeof n !== 'object') return;
        if (n.type === 'Identifier' && n.name === 'ResponseStream') mentionsEventType = true;
        for (const k of Object.keys(n)) if (k !== 'loc' && k !== 'comments') visit(n[k]);
      };
      visit(parent.typeAnnotation);
      if (!mentionsEventType) block('the stream is cast to a type this codemod does not know');
      casts.push(parentOf(cur));
    }
  }
}

function loopOver(p: ASTPath, casts: ASTPath[]): ASTPath | undefined {
  let w = outer(p);
  // `response.body ?? []`
  const fallback: AnyNode = parentOf(w).node;
  if (fallback.type === 'LogicalExpression' && fallback.operator === '??' && fallback.left === w.node && fallback.right.type === 'ArrayExpression' && fallback.right.elements.length === 0) {
    w = outer(parentOf(w));
  }
  const parent: AnyNode = parentOf(w).node;
  if (parent.type === 'ForOfStatement' && parent.right === w.node && parent.await) {
    castsAround(p, casts);
    return parentOf(w);
  }
  return undefined;
}

function isStreamType(node: AnyNode, name: string): boolean {
  if (node?.type !== 'TSTypeReference') return false;
  const t = node.typeName;
  return (t.type === 'Identifier' && t.name === name) || (t.type === 'TSQualifiedName' && t.right.name === name);
}

/**
 * The input object literal, found by the shared finder (bedrock/sites.ts): inline, a variable used only here,
 * or the one return of a same-file helper called only here. A type annotation naming the stream input type
 * (on the variable, or the helper's return type) is renamed along; any other stops the migration.
 */
function inputObject(ctx: CodemodContext, at: ASTPath, typeRefs: StreamSite['typeRefs']): ASTPath {
  const node: AnyNode = at.node;
  if (node.arguments.length !== 1) block('the command is not built from one input object');
  const site: Site = { kind: node.type === 'NewExpression' ? 'command' : 'aggregated', path: at };
  const found = inputObjectPath(ctx, site);
  if ('reason' in found) {
    // A reason that names the builder the finder could not follow.
    const arg = unwrapExpression(node.arguments[0]);
    describeBuilder(arg);
    const decl = arg.type === 'Identifier' ? declarationOf(arg.name, at) : undefined;
    if (decl?.node.type === 'VariableDeclarator' && decl.node.init) describeBuilder(unwrapExpression(decl.node.init));
    return block(found.reason);
  }
  const annotated: AnyNode = found.declarator ? (found.declarator as AnyNode).get('id') : builderFunction(found.path);
  const annotation = found.declarator ? annotated?.node.typeAnnotation?.typeAnnotation : annotated?.node.returnType?.typeAnnotation;
  if (annotation) {
    if (!isStreamType(annotation, 'InvokeModelWithResponseStreamCommandInput')) block('the command input has a type annotation this codemod does not know');
    const key = found.declarator ? 'typeAnnotation' : 'returnType';
    typeRefs.push({ path: annotated.get(key).get('typeAnnotation'), to: 'ConverseStreamCommandInput' });
  }
  return found.path;
}

/** The function whose `return` gives the input object at `input` (a same-file builder), if any. */
function builderFunction(input: ASTPath): AnyNode {
  let p: AnyNode = parentOf(input);
  while (p && p.node.type !== 'ReturnStatement' && p.node.type !== 'NewExpression' && p.node.type !== 'CallExpression') p = p.parent;
  if (p?.node.type !== 'ReturnStatement') return undefined;
  while (p && !/Function/.test(p.node.type)) p = p.parent;
  return p;
}

/** `new X(this.provider.getRequestBody(…))` and the like: the reason names the builder. */
function describeBuilder(arg: AnyNode): void {
  if (arg.type === 'CallExpression' || arg.type === 'AwaitExpression') {
    const callee = unwrapExpression(arg.type === 'AwaitExpression' ? arg.argument : arg).callee;
    const chain = readChain(callee);
    const text = chain?.root ? `${chain.root.type === 'ThisExpression' ? 'this' : chain.root.name ?? '…'}${chain.props.map((p) => `.${p}`).join('')}` : undefined;
    if (text && chain?.root?.type === 'ThisExpression' && chain.props.length >= 2) {
      block(`the command input is built by \`${text}(…)\`, whose implementation is picked at run time (\`${text.slice(0, text.lastIndexOf('.'))}\`)`);
    }
    block(text ? `the command input is built by \`${text}(…)\`, which this codemod does not follow` : 'the command input is not an object literal');
  }
}
