/**
 * `tools`: Anthropic tool definitions → Converse `toolSpec`s (with `inputSchema.json`), where they are
 * written: inline, in a const array, or one const per tool.
 */
import { getProperty, isPlainProperty, keyName, makeProperty, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { layoutExpression } from '../layout';
import { bindingFor, referenceCount } from './scope';
import { type RequestBuilder } from './state';
import { cachePoint } from './system';
import { block } from '../result';

/** `tools`: an array literal, or a const array used only here (rewritten where it is defined, typed `Tool[]` in TS). */
export function mapTools(b: RequestBuilder, value: AnyNode): AnyNode {
  const j = b.j;
  const v = unwrapExpression(value);
  if (v.type === 'ArrayExpression') {
    const out: AnyNode[] = [];
    for (const t of v.elements) out.push(...mapTool(b, t));
    return j.arrayExpression(out);
  }
  if (v.type === 'Identifier') {
    const decl = bindingFor(b, v);
    const init = decl && decl.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
    if (!decl || init?.type !== 'ArrayExpression' || (decl.parent.node as AnyNode).kind !== 'const') block(`tools ("${v.name}") cannot be resolved to an array literal`);
    // Rewritten where it is defined when only this request uses it.
    const mapped = mapTools(b, init);
    if (referenceCount(b, v.name, decl) !== 1) block(`tools ("${v.name}") is used elsewhere too`);
    b.effects.push(() => {
      // In TS the Converse type is needed (literal members such as cachePoint's `type: "default"`).
      if (b.isTs || decl.node.id.typeAnnotation) {
        const t = b.options.typeRef?.('Tool');
        decl.node.id.typeAnnotation = t ? j.tsTypeAnnotation(j.tsArrayType(j.tsTypeReference(t))) : null;
      }
      decl.node.init = layoutExpression(b.ctx, mapped, decl.node);
    });
    return v;
  }
  block('tools cannot be resolved to an array literal');
}

/** One tool: a literal or a const used only here → `{ toolSpec }` (and a cachePoint for cache_control). */
export function mapTool(b: RequestBuilder, t: AnyNode): AnyNode[] {
  const j = b.j;
  const id = unwrapExpression(t);
  if (id?.type === 'Identifier') {
    // `tools: [weatherTool]` with `const weatherTool = {...}` used only here: rewritten where it is defined.
    const decl = bindingFor(b, id);
    const init = decl?.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
    if (!decl || init?.type !== 'ObjectExpression' || (decl.parent.node as AnyNode).kind !== 'const') block(`tool "${id.name}" cannot be resolved to an object literal`);
    if (referenceCount(b, id.name, decl) !== 1) block(`tool "${id.name}" is used elsewhere too`);
    if (getProperty(init, 'cache_control')) block(`tool "${id.name}" has cache_control`);
    const [mapped] = mapTool(b, init);
    b.effects.push(() => {
      if (decl.node.id.typeAnnotation) {
        const ref = b.options.typeRef?.('Tool');
        decl.node.id.typeAnnotation = ref ? j.tsTypeAnnotation(j.tsTypeReference(ref)) : null;
      }
      decl.node.init = layoutExpression(b.ctx, mapped, decl.node);
    });
    return [id];
  }
  const o = id;
  if (o?.type !== 'ObjectExpression') block('a tool is not an object literal');
  const type = staticString(getProperty(o, 'type')?.value);
  if (getProperty(o, 'type') && type !== 'custom') block(`tools: Anthropic-defined tool "${type ?? '?'}" has no Converse toolSpec`);
  const spec: AnyNode[] = [];
  let cache: AnyNode | undefined;
  for (const p of o.properties) {
    if (!isPlainProperty(p)) block('a tool has a spread or method');
    const k = keyName(p);
    if (k === 'type') continue;
    if (k === 'name' || k === 'description' || k === 'strict') spec.push(makeProperty(j, k, p.value));
    else if (k === 'input_schema') spec.push(makeProperty(j, 'inputSchema', j.objectExpression([makeProperty(j, 'json', p.value)])));
    else if (k === 'cache_control') cache = p.value;
    else block(`tool field "${k ?? '?'}" has no Converse equivalent`);
  }
  if (!getProperty(o, 'name') || !getProperty(o, 'input_schema')) block('a tool without name or input_schema');
  const out = [j.objectExpression([makeProperty(j, 'toolSpec', j.objectExpression(spec))])];
  if (cache) out.push(cachePoint(b, cache));
  return out;
}
