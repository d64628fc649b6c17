/**
 * Which destination fits an InvokeModel-family call site best, for `detect`:
 *  - `messages` when the Anthropic-shaped response (the decoded body, or the decoded stream events) leaves
 *    the function: returned, yielded, passed to another call (`res.write(JSON.stringify(event))`,
 *    `callback(message)`), stored in a history — code that lives in Anthropic shapes;
 *  - `converse` when it is only read field by field where it is decoded (Converse can follow it), or when the
 *    model is not served by the Messages API on Bedrock.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { referencePaths, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { mantleModel } from './surface';

export interface Fit {
  destination: 'converse' | 'messages';
  why: string;
}

function up(path: AnyNode): AnyNode {
  let p = path.parent;
  while (p && ['TSNonNullExpression', 'TSAsExpression', 'ParenthesizedExpression', 'AwaitExpression'].includes(p.node.type)) p = p.parent;
  return p;
}

function isJsonParse(node: AnyNode): boolean {
  const n = unwrapExpression(node);
  return n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.name === 'JSON' && n.callee.property.name === 'parse';
}

/** The variable a value is stored in (`const x = <value>`), if any. */
function heldIn(path: AnyNode): AnyNode {
  const p = up(path);
  return p?.node.type === 'VariableDeclarator' && p.node.id.type === 'Identifier' ? p : undefined;
}

/** Anthropic-shaped parts of a message or event that code hands on whole (`reply.content` into a history). */
const SHAPED_PARTS = new Set(['content', 'usage', 'delta', 'message', 'content_block']);

/** True when some use of the variable hands the whole value, or one of its Anthropic-shaped parts, on. */
function escapes(j: JSCodeshift, root: Collection, decl: AnyNode): boolean {
  for (const use of referencePaths(j, root, decl.node.id.name, decl)) {
    let ref: AnyNode = use;
    const member = up(ref);
    if (member?.node.type === 'MemberExpression' && !member.node.computed && SHAPED_PARTS.has(member.node.property.name)) ref = member;
    const p = up(ref);
    const n = p?.node;
    if (!n) continue;
    if (n.type === 'ReturnStatement' || n.type === 'YieldExpression' || n.type === 'ArrowFunctionExpression') return true;
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && n.callee !== unwrapExpression(ref.node)) {
      const callee = n.callee;
      const isParse = callee.type === 'MemberExpression' && callee.object.name === 'JSON' && callee.property.name === 'parse';
      if (!isParse) return true;
    }
    if (n.type === 'ObjectProperty' || n.type === 'Property' || n.type === 'ArrayExpression' || n.type === 'SpreadElement') return true;
  }
  return false;
}

/** The fit of one call (`new InvokeModelCommand(…)` or `client.invokeModel(…)`) path. */
export function destinationFit(j: JSCodeshift, root: Collection, at: ASTPath, modelText?: string): Fit {
  if (modelText !== undefined) {
    const model = mantleModel(modelText);
    if (!model.ok && model.why.includes('not served')) return { destination: 'converse', why: model.why };
  }
  // The response: `const res = await client.send(new …)` / `… = await client.invokeModel(…)`, or via `command`.
  let call: AnyNode = at;
  if (at.node.type === 'NewExpression') {
    const parent = up(at);
    if (parent?.node.type === 'VariableDeclarator' && parent.node.id.type === 'Identifier') {
      const refs = referencePaths(j, root, parent.node.id.name, parent);
      if (refs.length === 1) call = up(refs[0]);
    } else if (parent?.node.type === 'CallExpression') call = parent;
  }
  const response = heldIn(call);
  if (!response) {
    return up(call)?.node.type === 'ReturnStatement'
      ? { destination: 'messages', why: 'the response is returned to callers' }
      : { destination: 'converse', why: 'the response is not kept' };
  }
  // Decoded values and loop events held in variables.
  const held: AnyNode[] = [];
  for (const ref of referencePaths(j, root, response.node.id.name, response)) {
    let p: AnyNode = ref;
    while (p.parent && ['MemberExpression', 'OptionalMemberExpression', 'CallExpression', 'NewExpression', 'TSNonNullExpression', 'TSAsExpression'].includes(p.parent.node.type)) p = p.parent;
    const holder = heldIn(p) ?? (p.parent?.node.type === 'VariableDeclarator' ? p.parent : undefined);
    if (holder?.node.id?.type === 'Identifier') held.push(holder);
    if (p.parent?.node.type === 'ForOfStatement') {
      // `const event = JSON.parse(…chunk.bytes…)` inside the loop.
      j(p.parent.get('body'))
        .find(j.VariableDeclarator)
        .filter((d) => isJsonParse((d.node as AnyNode).init) && (d.node as AnyNode).id.type === 'Identifier')
        .forEach((d) => held.push(d));
    }
  }
  if (held.some((d) => escapes(j, root, d))) return { destination: 'messages', why: 'the Anthropic-shaped response or its events leave the function' };
  return { destination: 'converse', why: 'the response is read field by field where it is decoded' };
}
