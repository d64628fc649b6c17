/**
 * Object-literal helpers shared by the codemods: a property by name (identifier, string or computed string
 * keys, later keys win), set, make and remove one, and the TS wrappers that do not change a value.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from './bedrock';

export function isStringLiteral(node: AnyNode): node is { type: string; value: string } {
  return !!node && (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string'));
}

/** `"x"`, `'x'` or a template literal without expressions: its text. */
export function staticString(node: AnyNode): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** The name a property key spells: identifier, string literal, or computed string literal. */
export function keyName(prop: AnyNode): string | undefined {
  if (!prop) return undefined;
  const key = prop.key;
  if (!key) return undefined;
  if (!prop.computed && key.type === 'Identifier') return key.name;
  if (isStringLiteral(key)) return key.value;
  if (prop.computed && key.type === 'TemplateLiteral') return staticString(key);
  return undefined;
}

export function isPlainProperty(prop: AnyNode): boolean {
  return (prop.type === 'ObjectProperty' || (prop.type === 'Property' && prop.kind === 'init')) && !prop.method;
}

/** The last plain property named `name` (later keys win in JS). */
export function getProperty(obj: AnyNode, name: string): AnyNode | undefined {
  if (obj?.type !== 'ObjectExpression') return undefined;
  let found: AnyNode;
  for (const p of obj.properties) if (isPlainProperty(p) && keyName(p) === name) found = p;
  return found;
}

export function getPropertyValue(obj: AnyNode, name: string): AnyNode | undefined {
  return getProperty(obj, name)?.value;
}

/** Sets (replacing the value in place) or appends `name: value`. */
export function setProperty(j: JSCodeshift, obj: AnyNode, name: string, value: AnyNode): void {
  const existing = getProperty(obj, name);
  if (existing) {
    existing.value = value;
    existing.shorthand = value.type === 'Identifier' && value.name === name && existing.key.type === 'Identifier';
    return;
  }
  obj.properties.push(makeProperty(j, name, value));
}

/** `name: value`, shorthand when the value is the identifier `name`; quoted key when `name` is not an identifier. */
export function makeProperty(j: JSCodeshift, name: string, value: AnyNode): AnyNode {
  const valid = /^[A-Za-z_$][\w$]*$/.test(name);
  const prop: AnyNode = j.objectProperty(valid ? j.identifier(name) : j.stringLiteral(name), value);
  if (valid && value.type === 'Identifier' && value.name === name) prop.shorthand = true;
  return prop;
}

export function removeProperty(obj: AnyNode, name: string): boolean {
  const before = obj.properties.length;
  obj.properties = obj.properties.filter((p: AnyNode) => !(isPlainProperty(p) && keyName(p) === name));
  return obj.properties.length !== before;
}

/** Strips TS wrappers that do not change the value: `x as T`, `x!`, `<T>x`, `x satisfies T`, parentheses. */
export function unwrapExpression(node: AnyNode): AnyNode {
  let n = node;
  while (
    n &&
    (n.type === 'TSAsExpression' ||
      n.type === 'TSNonNullExpression' ||
      n.type === 'TSTypeAssertion' ||
      n.type === 'TSSatisfiesExpression' ||
      n.type === 'ParenthesizedExpression')
  ) {
    n = n.expression;
  }
  return n;
}
