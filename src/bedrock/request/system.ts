/**
 * `system`: a string or text blocks (with `cache_control`) → Converse system blocks and cache points.
 */
import { getProperty, isPlainProperty, keyName, makeProperty, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { atBoundary, convertsAtBoundary } from './boundary';
import { textBlock } from './content';
import { type RequestBuilder } from './state';
import { bindingKind, isStringish } from './values';
import { Unmappable, block } from '../result';

/** `system`: a string → one text block; text blocks (with cache_control) → text blocks and cache points. */
export function mapSystem(b: RequestBuilder, value: AnyNode): AnyNode {
  const j = b.j;
  const v = unwrapExpression(value);
  if (v.type === 'ArrayExpression') {
    const out: AnyNode[] = [];
    for (const el of v.elements) {
      const e = unwrapExpression(el);
      if (e?.type !== 'ObjectExpression') block('system has a block that is not an object literal');
      const type = staticString(getProperty(e, 'type')?.value);
      if (type !== 'text') block('system has a non-text block');
      for (const p of e.properties) {
        const k = keyName(p);
        if (!isPlainProperty(p) || (k !== 'type' && k !== 'text' && k !== 'cache_control')) block(`system block field "${k ?? '?'}"`);
      }
      out.push(j.objectExpression([makeProperty(j, 'text', getProperty(e, 'text').value)]));
      const cache = getProperty(e, 'cache_control');
      if (cache) out.push(cachePoint(b, cache.value));
    }
    return j.arrayExpression(out);
  }
  // A system prompt read from data the run cannot see (a destructured HTTP body, an untyped field) may be a
  // string or cached text blocks: converted by the helper, which handles both, rather than guessed.
  const unproven = (v.type === 'Identifier' && bindingKind(b, v) === 'unknown') || v.type === 'MemberExpression' || v.type === 'OptionalMemberExpression';
  if (unproven && convertsAtBoundary(b, v)) return atBoundary(b, 'toConverseSystem', value, 'system');
  try {
    if (isStringish(b, v, 'system')) return j.arrayExpression([textBlock(j, value)]);
  } catch (e) {
    if (!(e instanceof Unmappable) || !convertsAtBoundary(b, v)) throw e;
  }
  if (convertsAtBoundary(b, v)) return atBoundary(b, 'toConverseSystem', value, 'system');
  block('system cannot be resolved to a string or text blocks');
}

/** `cache_control: { type: "ephemeral", ttl? }` → `{ cachePoint: { type: "default", ttl? } }`. */
export function cachePoint(b: RequestBuilder, cacheControl: AnyNode): AnyNode {
  const j = b.j;
  const c = unwrapExpression(cacheControl);
  if (c.type !== 'ObjectExpression' || staticString(getProperty(c, 'type')?.value) !== 'ephemeral') block('cache_control is not { type: "ephemeral" }');
  const props = [makeProperty(j, 'type', j.stringLiteral('default'))];
  for (const p of c.properties) {
    const k = keyName(p);
    if (k === 'type') continue;
    if (k === 'ttl' && isPlainProperty(p)) props.push(makeProperty(j, 'ttl', p.value));
    else block(`cache_control field "${k ?? '?'}"`);
  }
  return j.objectExpression([makeProperty(j, 'cachePoint', j.objectExpression(props))]);
}
