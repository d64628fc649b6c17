/**
 * What a request value provably is, read from the code: a string (literals, templates, `String(x)`, string
 * consts and parameters, same-file functions returning strings), or a list of `{ role, content: string }`
 * messages (by its literal elements or its type).
 */
import { getProperty, isStringLiteral, referencePaths, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { bindingFor, findFunction, pathOf, returnsOf } from './scope';
import { type RequestBuilder } from './state';

/** Decides whether an expression is a string: literals, templates, concatenations, `String(x)`, string consts, `: string` bindings. */
export function isStringish(b: RequestBuilder, v: AnyNode, what: string): boolean {
  const n = unwrapExpression(v);
  if (isStringLiteral(n) || n.type === 'TemplateLiteral') return true;
  if (n.type === 'BinaryExpression' && n.operator === '+') return isStringish(b, n.left, what) || isStringish(b, n.right, what);
  if (n.type === 'CallExpression') {
    const c = n.callee;
    if (c.type === 'Identifier' && c.name === 'String') return true;
    if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && c.property.name === 'stringify') return true;
    if (c.type === 'MemberExpression' && !c.computed && ['trim', 'join', 'toString', 'slice', 'replace', 'toUpperCase', 'toLowerCase', 'substring'].includes(c.property.name)) {
      return c.property.name === 'join' || c.property.name === 'toString' || isStringish(b, c.object, what);
    }
    // A same-file function whose every return is a string.
    if (c.type === 'Identifier' && b.stringFunctionDepth < 2) {
      const use = pathOf(b, c);
      const fn = use ? findFunction(b, c.name, use) : undefined;
      if (!fn) return false;
      const returns = returnsOf(b, fn.node, fn.path);
      b.stringFunctionDepth++;
      try {
        return returns.length > 0 && returns.every((r) => r && isStringish(b, r, what));
      } finally {
        b.stringFunctionDepth--;
      }
    }
    return false;
  }
  if (n.type === 'Identifier') {
    const kind = bindingKind(b, n);
    if (kind === 'string') return true;
    if (kind === 'other') return false;
    // An identifier of unknown type (a parameter without a type, an imported value): the
    // Anthropic body accepts a string there, and that is how such code is written.
    return true;
  }
  if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
    // `req.body.prompt`, `event.prompt`: a field of untyped input. Not `x.content` / `x.messages`:
    // those are usually block arrays.
    const last = n.computed ? staticString(n.property) : n.property.name;
    return !!last && !['content', 'messages', 'blocks', 'system', 'tools'].includes(last);
  }
  if (n.type === 'ConditionalExpression') return isStringish(b, n.consequent, what) && isStringish(b, n.alternate, what);
  return false;
}

/** 'string' when the identifier is a string const / `: string`; 'other' when it is provably not; 'unknown' otherwise. */
export function bindingKind(b: RequestBuilder, id: AnyNode): 'string' | 'other' | 'unknown' {
  const decl = bindingFor(b, id);
  if (!decl) return 'unknown';
  const node: AnyNode = decl.node;
  if (node.type === 'VariableDeclarator') {
    const ann = node.id.typeAnnotation?.typeAnnotation;
    if (ann) return ann.type === 'TSStringKeyword' ? 'string' : ann.type === 'TSAnyKeyword' ? 'unknown' : 'other';
    const init = unwrapExpression(node.init);
    if (!init) return 'unknown';
    if (isStringLiteral(init) || init.type === 'TemplateLiteral') return 'string';
    if (['ArrayExpression', 'ObjectExpression', 'NumericLiteral', 'BooleanLiteral', 'ArrowFunctionExpression', 'FunctionExpression', 'NewExpression'].includes(init.type)) return 'other';
    if (init.type === 'AwaitExpression') return 'unknown';
    return isStringish(b, init, '') ? 'string' : 'unknown';
  }
  if (node.type === 'Identifier') {
    const ann = node.typeAnnotation?.typeAnnotation;
    if (ann) return ann.type === 'TSStringKeyword' ? 'string' : ann.type === 'TSAnyKeyword' ? 'unknown' : 'other';
    return 'unknown';
  }
  return 'unknown';
}

/**
 * True when every element of `id` is provably `{ role: "user" | "assistant", content: string }`: a
 * parameter (or variable) typed that way, or a const array literal of such literals and spreads of such
 * values, never given anything else afterwards.
 */
export function stringMessages(b: RequestBuilder, id: AnyNode, depth: number): boolean {
  if (depth > 3) return false;
  const decl = bindingFor(b, id);
  if (!decl) return false;
  const node: AnyNode = decl.node;
  const ann = (node.type === 'VariableDeclarator' ? node.id : node).typeAnnotation?.typeAnnotation;
  if (ann) return stringMessagesType(b, ann, decl, 0);
  if (node.type !== 'VariableDeclarator' || (decl.parent.node as AnyNode).kind !== 'const') return false;
  const init = unwrapExpression(node.init);
  if (init?.type !== 'ArrayExpression') return false;
  for (const el of init.elements) {
    if (el?.type === 'SpreadElement') {
      const arg = unwrapExpression(el.argument);
      if (arg.type !== 'Identifier' || !stringMessages(b, arg, depth + 1)) return false;
    } else if (!stringMessageLiteral(b, el)) return false;
  }
  // Nothing else may be added to it later.
  for (const use of referencePaths(b.j, b.ctx.root, id.name, decl)) {
    const parent: AnyNode = use.parent.node;
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
      const member = parent.property.name;
      if (['push', 'unshift', 'splice', 'fill', 'copyWithin'].includes(member)) return false;
    }
    if (parent.type === 'AssignmentExpression' && parent.left === use.node) return false;
  }
  return true;
}

/** `{ role: "user" | "assistant", content: <string> }` as a literal. */
export function stringMessageLiteral(b: RequestBuilder, el: AnyNode): boolean {
  const o = unwrapExpression(el);
  if (o?.type !== 'ObjectExpression' || o.properties.length !== 2) return false;
  const role = getProperty(o, 'role');
  const content = getProperty(o, 'content');
  if (!role || !content) return false;
  const r = staticString(unwrapExpression(role.value));
  if (r !== 'user' && r !== 'assistant') return false;
  const c = unwrapExpression(content.value);
  return isStringLiteral(c) || c.type === 'TemplateLiteral' || (c.type === 'Identifier' && bindingKind(b, c) === 'string');
}

/** `Turn[]`, `Array<Turn>`, `{ role: "user" | "assistant"; content: string }[]`, with `Turn` a type alias or interface of this file. */
export function stringMessagesType(b: RequestBuilder, t: AnyNode, at: AnyNode, depth: number): boolean {
  if (!t || depth > 3) return false;
  if (t.type === 'TSArrayType') return stringMessageType(b, t.elementType, at, depth + 1);
  if (t.type === 'TSTypeOperator' && t.operator === 'readonly') return stringMessagesType(b, t.typeAnnotation, at, depth + 1);
  if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && ['Array', 'ReadonlyArray'].includes(t.typeName.name)) {
    const params = t.typeParameters?.params ?? [];
    return params.length === 1 && stringMessageType(b, params[0], at, depth + 1);
  }
  return false;
}

/** A type literal, alias or interface of this file that is `{ role: "user" | "assistant"; content: string }`. */
export function stringMessageType(b: RequestBuilder, t: AnyNode, at: AnyNode, depth: number): boolean {
  if (!t || depth > 4) return false;
  let members: AnyNode[] | undefined;
  if (t.type === 'TSTypeLiteral') members = t.members;
  else if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && !t.typeParameters) {
    const name = t.typeName.name;
    let found: AnyNode;
    b.ctx.root.find(b.j.TSTypeAliasDeclaration).forEach((p) => {
      if ((p.node as AnyNode).id.name === name) found = (p.node as AnyNode).typeAnnotation;
    });
    b.ctx.root.find(b.j.TSInterfaceDeclaration).forEach((p) => {
      const n: AnyNode = p.node;
      if (n.id.name === name && !n.extends?.length) found = { type: 'TSTypeLiteral', members: n.body.body };
    });
    return found ? stringMessageType(b, found, at, depth + 1) : false;
  }
  if (!members || members.length !== 2) return false;
  const member = (name: string) => members!.find((m: AnyNode) => m.type === 'TSPropertySignature' && !m.optional && (m.key.name ?? m.key.value) === name);
  const role = member('role')?.typeAnnotation?.typeAnnotation;
  const content = member('content')?.typeAnnotation?.typeAnnotation;
  if (!role || content?.type !== 'TSStringKeyword') return false;
  const literals = role.type === 'TSUnionType' ? role.types : [role];
  return literals.every((l: AnyNode) => l.type === 'TSLiteralType' && ['user', 'assistant'].includes(staticString(l.literal) ?? ''));
}
