/**
 * Content blocks of the response: the array (indexed, iterated, filtered, destructured, pushed back into the
 * history) and each block (`type` tests, `text`, tool-use and thinking fields) → their Converse reads.
 */
import { staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { comparedAt } from './chain';
import { localRefs, trackVariable, use } from './follow';
import { type ResponseAnalyzer } from './state';
import { block } from '../result';
import { BLOCK_TYPES, THINKING_FIELDS, TOOL_USE_FIELDS } from '../vocabulary';

/** The content-block array: indexed, measured, iterated, filtered, found, destructured or pushed back into the history. */
export function useBlocks(a: ResponseAnalyzer, p: AnyNode): void {
  const j = a.j;
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
  if (isMember) {
    if (parent.computed) {
      const idx = unwrapExpression(parent.property);
      if (idx.type === 'NumericLiteral' || (idx.type === 'Literal' && typeof idx.value === 'number') || idx.type === 'Identifier') return use(a, p.parent, 'block');
      block('content blocks are indexed in a way that cannot be followed');
    }
    const m = parent.property.name;
    if (m === 'length') return;
    const call: AnyNode = p.parent.parent.node;
    if (call.type !== 'CallExpression' || call.callee !== parent) block(`content.${m} is used in a way that cannot be followed`);
    const callPath = p.parent.parent;
    if (['map', 'filter', 'find', 'findLast', 'some', 'every', 'forEach', 'flatMap'].includes(m)) {
      callback(a, call, callPath);
      if (m === 'filter') return use(a, callPath, 'blocks');
      if (m === 'find' || m === 'findLast') return use(a, callPath, 'block', true);
      return;
    }
    if (m === 'at') return use(a, callPath, 'block', true);
    block(`content.${m}() cannot be followed`);
  }
  if (parent.type === 'ForOfStatement' && parent.right === node) {
    const left = parent.left;
    if (left.type === 'VariableDeclaration' && left.declarations[0].id.type === 'Identifier') {
      const name = left.declarations[0].id.name;
      j(p.parent)
        .find(j.Identifier, { name } as never)
        .forEach((r: AnyNode) => {
          if (r.parent.node === left.declarations[0]) return;
          const par = r.parent.node;
          if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
          if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
          if (r.scope.lookup(name) !== (p.parent.get('body') as AnyNode).scope.lookup(name)) return;
          use(a, r, 'block');
        });
      return;
    }
    block('content blocks are iterated with a destructuring loop');
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node) {
    if (parent.id.type === 'Identifier') {
      const ann = parent.id.typeAnnotation?.typeAnnotation;
      if (ann && !(ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'))) block('the content blocks variable has a type annotation');
      return trackVariable(a, p.parent, 'blocks');
    }
    if (parent.id.type === 'ArrayPattern' && parent.id.elements.length === 1 && parent.id.elements[0]?.type === 'Identifier') {
      const name = parent.id.elements[0].name;
      for (const r of localRefs(a, p.parent, name)) use(a, r, 'block');
      return;
    }
    block('the content blocks are destructured in a way that cannot be followed');
  }
  // `history.push({ role: "assistant", content: <blocks> })`: the request side must migrate that history.
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === node) {
    const obj = p.parent.parent.node;
    const role = obj.properties.find((x: AnyNode) => (x.key?.name ?? x.key?.value) === 'role');
    if (role && staticString(role.value) === 'assistant') {
      a.passThrough.add(parent);
      return;
    }
  }
  block('the content blocks escape into other code');
}

/** `(block) => ...` given to map/filter/find: the parameter is a content block. */
export function callback(a: ResponseAnalyzer, call: AnyNode, callPath: AnyNode): void {
  const j = a.j;
  const fn = call.arguments[0];
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) block('content blocks are passed to a callback that is not inline');
  const param = fn.params[0];
  if (!param) return;
  if (param.type !== 'Identifier') block('a content-block callback destructures its parameter');
  // An annotation describes the Anthropic block: it is dropped, the Converse type is inferred.
  const ann = param.typeAnnotation?.typeAnnotation;
  if (fn.returnType) block('a content-block callback declares a return type (type guard)');
  const fnPath = callPath.get('arguments', 0);
  const name = param.name;
  j(fnPath)
    .find(j.Identifier, { name } as never)
    .forEach((r: AnyNode) => {
      if (r.node === param) return;
      if (r.scope.lookup(name) !== fnPath.get('body').scope.lookup(name) && r.scope.lookup(name) !== fnPath.scope) {
        if (r.scope.lookup(name)?.node !== fn) return;
      }
      if (r.scope.lookup(name)?.node !== fn) return;
      const par = r.parent.node;
      if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
      if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
      use(a, r, 'block');
    });
  if (a.ts && ann) a.rewrites.push(() => (param.typeAnnotation = null));
}

/** One content block: its `type` tests and fields → the Converse block reads. */
export function useBlock(a: ResponseAnalyzer, p: AnyNode, maybeUndefined = false): void {
  const j = a.j;
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
  if (isMember) {
    const field = parent.computed ? staticString(parent.property) : parent.property.name;
    const optional = parent.type === 'OptionalMemberExpression' || !!parent.optional;
    const memberPath = p.parent;
    // In TS a block from find()/at() is `ContentBlock | undefined`; the original read it unchecked
    // (an untyped JSON value), so the read gets a `!` (no run-time effect).
    if (a.ts && maybeUndefined && !optional) a.rewrites.push(() => (memberPath.node.object = j.tsNonNullExpression(memberPath.node.object)));
    if (field === 'text') {
      if (a.ts && !comparedAt(a, memberPath) && !optional) a.rewrites.push(() => memberPath.replace(j.tsNonNullExpression(memberPath.node)));
      return;
    }
    if (field === 'type') {
      const cmp: AnyNode = memberPath.parent.node;
      if (cmp.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(cmp.operator)) {
        const other = cmp.left === parent ? cmp.right : cmp.left;
        const value = staticString(other);
        const converse = value !== undefined ? BLOCK_TYPES[value] : undefined;
        if (!converse) block(`content block type "${value ?? '?'}" has no mapped Converse test`);
        const negate = cmp.operator.startsWith('!');
        const cmpPath = memberPath.parent;
        a.rewrites.push(() => {
          const [first, second] = converse.split('.');
          let test: AnyNode = j.memberExpression(memberPath.node.object, j.identifier(first));
          if (second) test = j.optionalMemberExpression(test, j.identifier(second), false, true);
          cmpPath.replace(j.binaryExpression(negate ? '===' : '!==', test, j.identifier('undefined')));
        });
        return;
      }
      block('block.type is used other than in an equality test');
    }
    if (field && field in THINKING_FIELDS) {
      const target = THINKING_FIELDS[field];
      a.rewrites.push(() => {
        const bang = (e: AnyNode) => (a.ts && !optional ? j.tsNonNullExpression(e) : e);
        const member = (o: AnyNode, name: string) => (optional ? j.optionalMemberExpression(o, j.identifier(name), false, true) : j.memberExpression(o, j.identifier(name)));
        let e = bang(member(memberPath.node.object, 'reasoningContent'));
        e = bang(member(e, 'reasoningText'));
        e = member(e, target);
        memberPath.replace(comparedAt(a, memberPath) ? e : bang(e));
      });
      return;
    }
    if (field && field in TOOL_USE_FIELDS) {
      const target = TOOL_USE_FIELDS[field];
      a.rewrites.push(() => {
        const obj = memberPath.node.object;
        let inner: AnyNode = optional ? j.optionalMemberExpression(obj, j.identifier('toolUse'), false, true) : j.memberExpression(obj, j.identifier('toolUse'));
        if (a.ts && !optional) inner = j.tsNonNullExpression(inner);
        let expr: AnyNode = optional ? j.optionalMemberExpression(inner, j.identifier(target), false, true) : j.memberExpression(inner, j.identifier(target));
        if (a.ts && !optional) {
          expr = target === 'input' ? j.tsAsExpression(expr, j.tsAnyKeyword()) : comparedAt(a, memberPath) ? expr : j.tsNonNullExpression(expr);
          if (target === 'input' && (memberPath.parent.node.type === 'MemberExpression' || memberPath.parent.node.type === 'OptionalMemberExpression')) {
            expr = j.parenthesizedExpression(expr);
          }
        }
        memberPath.replace(expr);
      });
      return;
    }
    block(`content block field "${field ?? '?'}" has no mapped Converse equivalent`);
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node) {
    if (parent.id.type === 'Identifier') {
      const ann = parent.id.typeAnnotation?.typeAnnotation;
      if (ann && ann.type !== 'TSAnyKeyword') block('the content block variable has a type annotation');
      return trackVariable(a, p.parent, 'block', maybeUndefined);
    }
    if (parent.id.type === 'ObjectPattern') {
      const props = parent.id.properties;
      const keys = props.map((x: AnyNode) => (x.type === 'ObjectProperty' || x.type === 'Property') && !x.computed ? x.key.name ?? x.key.value : undefined);
      if (keys.every((k: string | undefined) => k === 'text')) return;
      if (keys.every((k: string | undefined) => k && k in TOOL_USE_FIELDS)) {
        a.rewrites.push(() => {
          for (const x of props) {
            const k = x.key.name ?? x.key.value;
            if (k === 'id') {
              const local = x.value;
              x.key = j.identifier('toolUseId');
              x.shorthand = false;
              x.value = local;
            }
          }
          let init: AnyNode = j.memberExpression(p.node, j.identifier('toolUse'));
          if (a.ts) init = j.tsNonNullExpression(init);
          parent.init = init;
        });
        return;
      }
      block('a content block is destructured with fields that cannot be mapped');
    }
  }
  if (parent.type === 'ReturnStatement' || parent.type === 'ArrowFunctionExpression') {
    // A filter/find/some predicate returning the block itself is a truthiness test: unchanged.
    const fn = parent.type === 'ArrowFunctionExpression' ? parent : undefined;
    if (fn && fn.body === node) block('a callback returns the content block itself');
  }
  if (
    parent.type === 'LogicalExpression' ||
    (parent.type === 'IfStatement' && parent.test === node) ||
    (parent.type === 'ConditionalExpression' && parent.test === node) ||
    (parent.type === 'UnaryExpression' && parent.operator === '!')
  ) {
    return; // truthiness test (for example after find())
  }
  block('a content block escapes into other code');
}
