/**
 * Reading a request's `messages` as written: whether it ends with an assistant turn (a prefill). Shared by
 * the codemods that must know it (fact sheet §8: 4.6 and later models, and any model with thinking on,
 * reject a prefill).
 */
import type { ASTPath } from 'jscodeshift';
import { declarationOf, getPropertyValue, staticString, unwrapExpression, type AnyNode } from './bedrock';

/** The array literal `messages` is, directly or through a `const` in scope; undefined when not visible. */
function messagesArray(value: AnyNode, at: ASTPath): AnyNode | undefined {
  const node = unwrapExpression(value);
  if (node?.type === 'ArrayExpression') return node;
  if (node?.type === 'Identifier') {
    const decl = declarationOf(node.name, at);
    const declNode = decl?.node;
    if (declNode?.type !== 'VariableDeclarator' || decl.parent?.node?.kind !== 'const') return undefined;
    const init = unwrapExpression(declNode.init);
    return init?.type === 'ArrayExpression' ? init : undefined;
  }
  return undefined;
}

/**
 * True when the request object's `messages` visibly ends with `{ role: "assistant", … }`. Messages built at
 * run time (a variable that is pushed to, a spread last) count as not ending with one: nothing is known.
 */
export function endsWithAssistantTurn(request: AnyNode, at: ASTPath): boolean {
  const messagesValue = getPropertyValue(request, 'messages');
  if (!messagesValue) return false;
  const array = messagesArray(messagesValue, at);
  const last = array?.elements[array.elements.length - 1];
  if (!last || last.type === 'SpreadElement') return false;
  const message = unwrapExpression(last);
  return message?.type === 'ObjectExpression' && staticString(getPropertyValue(message, 'role')) === 'assistant';
}

