/**
 * `usage` and its token counts → Converse `usage` names (../vocabulary.ts).
 */
import { staticString, type AnyNode } from '../../ast/bedrock';
import { comparedAt } from './chain';
import { trackVariable } from './follow';
import { type ResponseAnalyzer } from './state';
import { block } from '../result';
import { USAGE_FIELDS } from '../vocabulary';

/** `usage`: its token fields read or destructured → the Converse names. */
export function useUsage(a: ResponseAnalyzer, p: AnyNode): void {
  const j = a.j;
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
  if (isMember) {
    const field = parent.computed ? staticString(parent.property) : parent.property.name;
    const target = field ? USAGE_FIELDS[field] : undefined;
    if (!target) block(`usage field "${field ?? '?'}" has no mapped Converse equivalent`);
    const memberPath = p.parent;
    const optional = parent.type === 'OptionalMemberExpression' || !!parent.optional;
    a.rewrites.push(() => {
      const obj = memberPath.node.object;
      let e: AnyNode = optional ? j.optionalMemberExpression(obj, j.identifier(target), false, true) : j.memberExpression(obj, j.identifier(target));
      if (a.ts && !optional && !comparedAt(a, memberPath)) e = j.tsNonNullExpression(e);
      memberPath.replace(e);
    });
    return;
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node) {
    if (parent.id.type === 'Identifier') return trackVariable(a, p.parent, 'usage');
    if (parent.id.type === 'ObjectPattern') {
      const props = parent.id.properties;
      for (const x of props) {
        const k = (x.type === 'ObjectProperty' || x.type === 'Property') && !x.computed ? x.key.name ?? x.key.value : undefined;
        if (!k || !USAGE_FIELDS[k] || x.value.type !== 'Identifier') block('usage is destructured with fields that cannot be mapped');
      }
      a.rewrites.push(() => {
        for (const x of props) {
          const k = x.key.name ?? x.key.value;
          const local = x.value;
          x.key = j.identifier(USAGE_FIELDS[k]);
          x.shorthand = false;
          x.value = local;
        }
      });
      return;
    }
  }
  block('usage is passed on whole (its field names differ in Converse)');
}
