/**
 * With `--boundaries convert` (the default), Anthropic-shaped data that comes from code the run cannot follow
 * is converted where it is sent, by a small helper written once into the file (src/bedrock/boundary/).
 */
import { isStringLiteral, makeProperty, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { ensureConverseHelper } from '../boundary/helpers';
import { textBlock } from './content';
import { type RequestBuilder } from './state';

/**
 * With `--boundaries convert` (the default), Anthropic-shaped data that comes from code the run cannot
 * follow (a parameter of an exported function, an HTTP body, a class field set elsewhere) is converted
 * where it is sent: a variable or property read, or a `.map(…)` over one.
 */
export function convertsAtBoundary(b: RequestBuilder, v: AnyNode): boolean {
  if (b.options.boundaries !== 'convert') return false;
  let n = unwrapExpression(v);
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && ['map', 'slice', 'filter', 'concat'].includes(n.callee.property.name)) {
    n = unwrapExpression(n.callee.object);
  }
  while (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    if (n.computed && !isStringLiteral(n.property)) return false;
    n = unwrapExpression(n.object);
  }
  return n.type === 'Identifier' || n.type === 'ThisExpression';
}

/** `toConverseMessages(value)` / `toConverseSystem(value)`, with the helper written once into the file. */
export function atBoundary(b: RequestBuilder, helper: string, value: AnyNode, what: string): AnyNode {
  const j = b.j;
  const text = j(value).toSource();
  b.effects.push(() => {
    ensureConverseHelper(b.ctx, helper, b.isTs ? (name) => b.options.typeRef?.(name) : undefined);
    b.ctx.note(`${what} converted from the Anthropic shape where it is sent: ${helper}(${text})`, value, 'boundary');
    if (what === 'messages' && !b.hasTools) {
      b.ctx.note('the request has no tools: Converse rejects tool_use/tool_result blocks in these messages without toolConfig', value);
    }
  });
  return j.callExpression(j.identifier(helper), [value]);
}

/** `messages.map((m) => ({ role: m.role, content: [{ text: m.content }] }))` */
export function mapAtBoundary(b: RequestBuilder, id: AnyNode): AnyNode {
  const j = b.j;
  const m = j.identifier('m');
  const body = j.objectExpression([
    makeProperty(j, 'role', j.memberExpression(m, j.identifier('role'))),
    makeProperty(j, 'content', j.arrayExpression([textBlock(j, j.memberExpression(m, j.identifier('content')))])),
  ]);
  return j.callExpression(j.memberExpression(id, j.identifier('map')), [j.arrowFunctionExpression([m], body)]);
}
