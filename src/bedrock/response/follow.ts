/**
 * From the call to the response value: awaited into a variable, destructured (`const { body } = …`), read
 * inline, or handled in `.then((res) => …)`; then every reference of a followed variable, dispatched by what it
 * holds (`use`).
 */
import { referencePaths, removeDeclarator, staticString, type AnyNode } from '../../ast/bedrock';
import { decodeHelper, isLogArgument, retryWrapperCall } from '../flow/same-file';
import type { ASTPath } from 'jscodeshift';
import { useBlock, useBlocks } from './blocks';
import { useBytes, useText } from './body';
import { isHelperCall } from './helpers';
import { parsed, useMessage } from './message';
import { type Kind, type ResponseAnalyzer } from './state';
import { useStopReason } from './stop-reason';
import { useUsage } from './usage';
import { block } from '../result';

/** The send call: awaited (kept in a variable, destructured, read inline), handled with `.then`, or not read at all. */
export function fromSend(a: ResponseAnalyzer, sendPath: ASTPath): void {
  let p: AnyNode = sendPath;
  let parent: AnyNode = p.parent.node;
  if (parent.type === 'ExpressionStatement') block('the response is never awaited');
  const wrapper = retryWrapperCall(a.j, a.ctx.root, p);
  if (wrapper) return fromSend(a, wrapper);
  if (parent.type !== 'AwaitExpression') {
    if (parent.type === 'MemberExpression' && parent.property.name === 'then') return thenCallback(a, p);
    block('the response promise is passed on (not awaited here)');
  }
  p = p.parent;
  while (p.parent.node.type === 'ParenthesizedExpression' || p.parent.node.type === 'TSAsExpression') p = p.parent;
  parent = p.parent.node;
  if (parent.type === 'ExpressionStatement') {
    a.unused = true;
    return;
  }
  if (parent.type === 'VariableDeclarator' && parent.init === p.node) {
    if (parent.id.type === 'Identifier') {
      a.responseName = parent.id.name;
      trackVariable(a, p.parent, 'response');
      stripTypeAnnotation(a, parent);
      if (parent.id.typeAnnotation) a.annotated = parent;
      return;
    }
    if (parent.id.type === 'ObjectPattern') return destructuredResponse(a, p.parent);
    block('the response is destructured in a nested way');
  }
  if (parent.type === 'AssignmentExpression') block('the response is assigned to a variable declared elsewhere');
  // Inline: `(await client.send(cmd)).body`
  a.responseName = undefined;
  use(a, p, 'response');
}

/**
 * `send(…).then((res) => …)`: the callback's parameter is the response, followed like a variable. The
 * promise the chain returns is the callback's value, which is followed from there (a string read from the
 * message, or the parsed message returned whole, which the boundary converts back).
 */
export function thenCallback(a: ResponseAnalyzer, sendPath: AnyNode): void {
  const member: AnyNode = sendPath.parent;
  const call: AnyNode = member.parent;
  const cb: AnyNode = call?.node.type === 'CallExpression' && call.node.callee === member.node ? call.node.arguments[0] : undefined;
  const simple = cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') && call.node.arguments.length === 1;
  if (!simple || cb.params.length !== 1 || cb.params[0].type !== 'Identifier' || cb.params[0].typeAnnotation) block('the response is handled with .then()');
  const paramPath: AnyNode = call.get('arguments', 0).get('params', 0);
  const name: string = cb.params[0].name;
  a.responseName = name;
  for (const r of referencePaths(a.j, a.ctx.root, name, paramPath)) {
    const parent: AnyNode = r.parent.node;
    if ((parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression') block(`"${name}" is reassigned`);
    use(a, r, 'response');
  }
}

/** `const { body } = await client.send(...)`: the pattern becomes one response variable. */
export function destructuredResponse(a: ResponseAnalyzer, declaratorPath: AnyNode): void {
  const j = a.j;
  const decl: AnyNode = declaratorPath.node;
  const props = decl.id.properties;
  if (props.length !== 1 || (props[0].type !== 'ObjectProperty' && props[0].type !== 'Property') || props[0].computed) block('the response is destructured');
  const key = props[0].key.name ?? props[0].key.value;
  if (key !== 'body' || props[0].value.type !== 'Identifier') block('the response is destructured');
  if (decl.id.typeAnnotation) block('the destructured response has a type annotation');
  const local = props[0].value.name;
  const name = freshName(a, declaratorPath, 'response');
  a.responseName = name;
  a.freshScope = declaratorPath.scope;
  for (const r of localRefs(a, declaratorPath, local)) use(a, r, 'bytes');
  a.rewrites.push(() => {
    decl.id = j.identifier(name);
  });
}

/** In TS, `const r: InvokeModelCommandOutput = …` would no longer hold a Converse output. */
export function stripTypeAnnotation(a: ResponseAnalyzer, declarator: AnyNode): void {
  const ann = declarator.id.typeAnnotation;
  if (!ann) return;
  const name = ann.typeAnnotation?.typeName?.name ?? ann.typeAnnotation?.typeName?.right?.name;
  if (name !== 'InvokeModelCommandOutput') block('the response variable has a type annotation');
  // Handled by the type-reference rename (InvokeModelCommandOutput → ConverseCommandOutput).
}

/** Every reference of a `const`/`let` (never reassigned) variable holding a value of `kind`. */
export function trackVariable(a: ResponseAnalyzer, declPath: ASTPath, kind: Kind, maybeUndefined = false): void {
  const decl: AnyNode = declPath.node;
  const name = decl.id.name;
  const refs = referencePaths(a.j, a.ctx.root, name, declPath);
  for (const r of refs) {
    const parent: AnyNode = r.parent.node;
    if (parent.type === 'AssignmentExpression' && parent.left === r.node && kind === 'message' && isHelperCall(a, parent.right)) {
      continue; // `reply = await callClaude(...)`: that call is followed where the helper's calls are.
    }
    if ((parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression') block(`"${name}" is reassigned`);
    use(a, r, kind, maybeUndefined);
  }
}

/** `path` is an expression whose value is of `kind`; every way it is used must map. */
export function use(a: ResponseAnalyzer, path: ASTPath, kind: Kind, maybeUndefined = false): void {
  let p: AnyNode = path;
  while (['ParenthesizedExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
  const member = isMember ? (parent.computed ? staticString(parent.property) : parent.property.name) : undefined;
  switch (kind) {
    case 'response':
      if (member === 'body') return use(a, p.parent, 'bytes');
      if (member === '$metadata') return;
      if (!member) {
        const helper = decodeHelper(p);
        if (helper) {
          a.cleanups.push(() => {
            if (referencePaths(a.j, a.ctx.root, helper.name, helper.declPath).length > 0) return;
            if (helper.declPath.node.type === 'FunctionDeclaration') helper.declPath.prune();
            else removeDeclarator(a.j, helper.declPath);
          });
          return parsed(a, p.parent);
        }
        if (isLogArgument(p)) {
          a.rewrites.push(() => a.ctx.note('the logged response is now the Converse output (output.message, stopReason, usage)', p));
          return;
        }
      }
      block(member ? `response field "${member}" has no Converse equivalent` : 'the response is passed on whole');
    case 'bytes':
      return useBytes(a, p);
    case 'text':
      return useText(a, p);
    case 'message':
      return useMessage(a, p);
    case 'blocks':
      return useBlocks(a, p);
    case 'block':
      return useBlock(a, p, maybeUndefined);
    case 'usage':
      return useUsage(a, p);
    case 'stopReason':
      return useStopReason(a, p);
  }
}

/** References of `name` declared by the pattern at `declaratorPath`, in value positions. */
export function localRefs(a: ResponseAnalyzer, declaratorPath: AnyNode, name: string): AnyNode[] {
  const j = a.j;
  const scope = declaratorPath.scope;
  const out: AnyNode[] = [];
  j(declaratorPath.parent.parent)
    .find(j.Identifier, { name } as never)
    .forEach((r: AnyNode) => {
      if (r.scope.lookup(name) !== scope) return;
      const par = r.parent.node;
      if (par.type === 'ArrayPattern' || par.type === 'ObjectPattern') return;
      if ((par.type === 'ObjectProperty' || par.type === 'Property') && r.parent.parent?.node.type === 'ObjectPattern') return;
      if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
      if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
      out.push(r);
    });
  return out;
}

/** `wanted`, or `wanted2`, … : a name nothing in scope at `at` uses. */
export function freshName(a: ResponseAnalyzer, at: AnyNode, wanted: string): string {
  let name = wanted;
  let i = 2;
  while (at.scope.lookup(name)) name = `${wanted}${i++}`;
  return name;
}
