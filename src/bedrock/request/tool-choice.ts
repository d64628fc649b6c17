/**
 * `tool_choice` → Converse `toolChoice` (`auto`, `any`, `tool`; `none` has no equivalent).
 */
import { getProperty, keyName, makeProperty, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { type RequestBuilder } from './state';
import { block } from '../result';

/** `tool_choice` → `toolChoice`. */
export function mapToolChoice(b: RequestBuilder, value: AnyNode): AnyNode {
  const j = b.j;
  const v = unwrapExpression(value);
  if (v.type !== 'ObjectExpression') block('tool_choice is not an object literal');
  const type = staticString(getProperty(v, 'type')?.value);
  for (const p of v.properties) {
    const k = keyName(p);
    if (k !== 'type' && !(k === 'name' && type === 'tool')) block(`tool_choice field "${k ?? '?'}" has no Converse equivalent`);
  }
  if (type === 'auto' || type === 'any') return j.objectExpression([makeProperty(j, type, j.objectExpression([]))]);
  if (type === 'tool') {
    const name = getProperty(v, 'name');
    if (!name) block('tool_choice "tool" without name');
    return j.objectExpression([makeProperty(j, 'tool', j.objectExpression([makeProperty(j, 'name', name.value)]))]);
  }
  if (type === 'none') block('tool_choice "none" has no Converse equivalent');
  block('tool_choice type is not a literal');
}
