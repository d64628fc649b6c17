import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { propertyNamed, statementOf, unwrap, type AnyNode } from './ast';
import { NEW_EDITOR_NAME, OLD_EDITOR_NAME } from './facts';
import type { Bindings } from './requests';

/** A call that reads a stored conversation: `loadHistory(id)`, `db.getConversation(id)`, `store.readSession()`. */
const STORAGE_CALL = /^(load|read|fetch|get|restore|find|query|retrieve)\w*(history|conversation|transcript|session|messages|thread|turns)/i;

const REPLAYED = `a stored conversation may hold tool_use blocks named ${OLD_EDITOR_NAME}: rename them where it is loaded`;
const REPLAYED_DETAIL =
  `a conversation loaded from storage or sent by a client may hold tool_use blocks named ${OLD_EDITOR_NAME}; Claude 4 calls the tool ${NEW_EDITOR_NAME}, ` +
  'and whether the API accepts the old name in history is not documented [uncertain]: rename them where the conversation comes in';

function calleeName(call: AnyNode): string | undefined {
  const callee = call.callee;
  if (callee?.type === 'Identifier') return callee.name;
  if ((callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && callee.property.type === 'Identifier') {
    const object = callee.object;
    if (object.type === 'Identifier' && object.name === 'JSON' && callee.property.name === 'parse') return 'JSON.parse';
    return callee.property.name;
  }
  return undefined;
}

/** Whether a `messages` value comes, as far as the file shows, from a stored conversation. */
function fromStorage(node: AnyNode, bindings: Bindings, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 4) return false;
  switch (n.type) {
    case 'AwaitExpression':
      return fromStorage(n.argument, bindings, depth + 1);
    case 'Identifier':
      return fromStorage(bindings.init(n.name), bindings, depth + 1);
    case 'ArrayExpression':
      return n.elements.some((e: AnyNode) => e?.type === 'SpreadElement' && fromStorage(e.argument, bindings, depth + 1));
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return fromStorage(n.object, bindings, depth + 1);
    case 'CallExpression': {
      const name = calleeName(n);
      return name !== undefined && (name === 'JSON.parse' || STORAGE_CALL.test(name));
    }
    default:
      return false;
  }
}

/**
 * Requests of a file that defines the text editor tool whose `messages` come from a stored
 * conversation get a marker: the old tool name may be in there (reference §6a, note c).
 */
export function markReplayedHistories(ctx: CodemodContext, bindings: Bindings): void {
  const { j, root } = ctx;
  root.find(j.ObjectExpression).forEach((path) => {
    const node = path.node as AnyNode;
    const messages = propertyNamed(node, 'messages');
    if (!messages || !(propertyNamed(node, 'tools') || propertyNamed(node, 'model') || propertyNamed(node, 'modelId'))) return;
    if (ctx.isIgnored(path as ASTPath) || !fromStorage(messages.value, bindings)) return;
    ctx.marker(statementOf(j, path as ASTPath), REPLAYED);
    ctx.note(REPLAYED_DETAIL, path as ASTPath);
  });
}
