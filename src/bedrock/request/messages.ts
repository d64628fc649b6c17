/**
 * `messages`: an array literal, a local history array, or data from outside (converted where it is sent);
 * each message's `content` as a string or content blocks.
 */
import { isPlainProperty, keyName, makeProperty, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { atBoundary, convertsAtBoundary, mapAtBoundary } from './boundary';
import { mapContentBlock, textBlock } from './content';
import { blockArray, mapHistory } from './history';
import { type RequestBuilder } from './state';
import { bindingKind, isStringish, stringMessages } from './values';
import { Unmappable, block } from '../result';

/** `messages`: an array literal (with spreads of histories), a local history, or data converted at the boundary. */
export function mapMessages(b: RequestBuilder, value: AnyNode): AnyNode {
  const v = unwrapExpression(value);
  if (v.type === 'ArrayExpression') {
    return b.j.arrayExpression(
      v.elements.map((m: AnyNode) => {
        // `[...history, { role: "user", content: q }]` with a local history array.
        if (m?.type === 'SpreadElement' && unwrapExpression(m.argument).type === 'Identifier') {
          try {
            mapHistory(b, unwrapExpression(m.argument));
          } catch (e) {
            if (!(e instanceof Unmappable) || !convertsAtBoundary(b, m.argument)) throw e;
            return b.j.spreadElement(atBoundary(b, 'toConverseMessages', m.argument, 'messages'));
          }
          return m;
        }
        if (m?.type === 'SpreadElement' && convertsAtBoundary(b, m.argument)) {
          return b.j.spreadElement(atBoundary(b, 'toConverseMessages', m.argument, 'messages'));
        }
        return mapMessage(b, m);
      }),
    );
  }
  if (v.type === 'Identifier') {
    try {
      return mapHistory(b, v);
    } catch (e) {
      // Not a history we can rewrite where it is built: in TS, a value whose type proves every message
      // is `{ role, content: string }` is converted where it is sent, and stays as it is elsewhere.
      if (e instanceof Unmappable && b.isTs && stringMessages(b, v, 0)) return mapAtBoundary(b, v);
      if (e instanceof Unmappable && convertsAtBoundary(b, v)) return atBoundary(b, 'toConverseMessages', value, 'messages');
      throw e;
    }
  }
  if (convertsAtBoundary(b, v)) return atBoundary(b, 'toConverseMessages', value, 'messages');
  block('messages cannot be resolved to an array literal or a local history array');
}

/** One `{ role, content }` message; `fromPush`: a message pushed onto a history, whose content may pass through. */
export function mapMessage(b: RequestBuilder, m: AnyNode, fromPush = false): AnyNode {
  const j = b.j;
  const msg = unwrapExpression(m);
  if (msg?.type !== 'ObjectExpression') block('messages has an element that is not a { role, content } literal');
  const props: AnyNode[] = [];
  let sawContent = false;
  let changed = false;
  for (const p of msg.properties) {
    if (!isPlainProperty(p)) block('a message has a spread or method');
    const k = keyName(p);
    if (k === 'role') props.push(p);
    else if (k === 'content') {
      sawContent = true;
      if (fromPush && b.options.passThroughContent?.(p)) props.push(p);
      else {
        const converted = mapContent(b, p.value);
        if (converted === p.value) props.push(p);
        else {
          changed = true;
          props.push(makeProperty(j, 'content', converted));
        }
      }
    } else block(`message field "${k ?? '?'}"`);
  }
  if (!sawContent) block('a message has no content');
  return changed ? j.objectExpression(props) : m;
}

/** A message `content`: a string → one text block; a block array literal or local block array → Converse blocks. */
export function mapContent(b: RequestBuilder, value: AnyNode): AnyNode {
  const j = b.j;
  const v = unwrapExpression(value);
  if (v.type === 'ArrayExpression') {
    const out: AnyNode[] = [];
    for (const el of v.elements) out.push(...mapContentBlock(b, el));
    return j.arrayExpression(out);
  }
  if (v.type === 'Identifier' && bindingKind(b, v) === 'other') return blockArray(b, v);
  if (isStringish(b, v, 'content')) return j.arrayExpression([textBlock(j, value)]);
  block('message content is neither a string nor a block array literal');
}
