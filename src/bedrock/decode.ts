/**
 * The InvokeModel body's JSON codec as code writes it, recognised in one place:
 * - on the way in, `JSON.stringify(x)` (inline, or wrapped in `new TextEncoder().encode(…)` / `Buffer.from(…)`);
 * - on the way out, the response bytes decoded — `new TextDecoder().decode(bytes)` (also through a
 *   `const decoder = new TextDecoder()`), `Buffer.from(bytes).toString()`, `bytes.transformToString()` —
 *   and the text given to `JSON.parse`.
 * These functions only read the tree; the codemods decide what to rewrite.
 */
import type { ASTPath } from 'jscodeshift';
import { type AnyNode, declarationOf, isStringLiteral, staticString, unwrapExpression } from '../ast/bedrock';

/** `JSON.stringify(x)` → x (also through `new TextEncoder().encode(...)` and `Buffer.from(...)`). */
export function jsonStringifyArg(node: AnyNode): AnyNode | undefined {
  const n = unwrapExpression(node);
  if (n?.type !== 'CallExpression') return undefined;
  const c = n.callee;
  if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && !c.computed && c.property.name === 'stringify') {
    // `JSON.stringify(x, null, 2)`: indentation does not change the JSON value.
    if (n.arguments.length === 1) return n.arguments[0];
    const [, replacer, space] = n.arguments;
    const plainReplacer = replacer && (replacer.type === 'NullLiteral' || (replacer.type === 'Literal' && replacer.value === null) || (replacer.type === 'Identifier' && replacer.name === 'undefined'));
    const plainSpace = !space || space.type === 'NumericLiteral' || isStringLiteral(space) || (space.type === 'Literal' && typeof space.value === 'number');
    return n.arguments.length <= 3 && plainReplacer && plainSpace ? n.arguments[0] : undefined;
  }
  if (c.type === 'MemberExpression' && !c.computed && c.property.name === 'encode' && c.object.type === 'NewExpression' && c.object.callee.name === 'TextEncoder' && n.arguments.length === 1) {
    return jsonStringifyArg(n.arguments[0]);
  }
  if (c.type === 'MemberExpression' && !c.computed && c.property.name === 'from' && c.object.type === 'Identifier' && c.object.name === 'Buffer' && n.arguments.length === 1) {
    return jsonStringifyArg(n.arguments[0]);
  }
  return undefined;
}

/** How the response bytes at a path are decoded to text. */
export interface Decoded {
  /** The path of the decoded text expression (the `decode(…)` / `toString(…)` / `transformToString(…)` call). */
  text: AnyNode;
  /** The encoding argument, when one is given. */
  encoding: AnyNode | undefined;
  via: 'TextDecoder' | 'Buffer' | 'transformToString';
  /** `const decoder = new TextDecoder()` used here: its declarator (removable once nothing else uses it). */
  decoderDeclarator?: AnyNode;
}

/** The decode step applied to the bytes at `bytes`, or undefined when they are used otherwise. */
export function decodedText(bytes: AnyNode): Decoded | undefined {
  const parent: AnyNode = bytes.parent.node;
  // new TextDecoder().decode(bytes)
  if (parent.type === 'CallExpression' && parent.arguments[0] === bytes.node) {
    const c = parent.callee;
    const decoder = c.type === 'MemberExpression' && c.property.name === 'decode' ? textDecoderAt(c.object, bytes) : undefined;
    if (decoder) return { text: bytes.parent, encoding: decoder.init.arguments[0], via: 'TextDecoder', decoderDeclarator: decoder.declarator };
    // Buffer.from(bytes).toString() / .toString("utf8")
    if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Buffer' && c.property.name === 'from' && parent.arguments.length === 1) {
      const outer: AnyNode = bytes.parent.parent.node;
      const call: AnyNode = bytes.parent.parent.parent.node;
      if (outer.type === 'MemberExpression' && outer.property.name === 'toString' && call.type === 'CallExpression' && call.callee === outer) {
        return { text: bytes.parent.parent.parent, encoding: call.arguments[0], via: 'Buffer' };
      }
    }
  }
  // bytes.transformToString()
  if (parent.type === 'MemberExpression' && parent.object === bytes.node && parent.property.name === 'transformToString') {
    const call: AnyNode = bytes.parent.parent.node;
    if (call.type === 'CallExpression' && call.callee === parent) return { text: bytes.parent.parent, encoding: call.arguments[0], via: 'transformToString' };
  }
  return undefined;
}

/** True when no encoding is given or it is a literal UTF-8 (the only one JSON bodies come in). */
export function isUtf8(encoding: AnyNode | undefined): boolean {
  return !encoding || /^utf-?8$/i.test(staticString(encoding) ?? '');
}

/**
 * `new TextDecoder(…)`, or a `const decoder = new TextDecoder(…)` the identifier refers to: the
 * NewExpression, and the declarator when it is a variable.
 */
export function textDecoderAt(object: AnyNode, at: AnyNode): { init: AnyNode; declarator?: AnyNode } | undefined {
  if (object.type === 'NewExpression' && object.callee.type === 'Identifier' && object.callee.name === 'TextDecoder') return { init: object };
  if (object.type !== 'Identifier') return undefined;
  const decl = declarationOf(object.name, at);
  const init = decl?.node.type === 'VariableDeclarator' && (decl.parent.node as AnyNode).kind === 'const' ? decl.node.init : undefined;
  if (init?.type !== 'NewExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'TextDecoder') return undefined;
  return { init, declarator: decl };
}

/** `new TextDecoder()` / `new TextDecoder(label)`: a decoder made right there. */
export function isNewTextDecoder(node: AnyNode): boolean {
  return node?.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'TextDecoder';
}

/** `JSON.parse(text)` with the text at `text` as its one argument: the path of that call. */
export function jsonParseOf(text: AnyNode): ASTPath | undefined {
  const parent: AnyNode = text.parent.node;
  if (parent.type === 'CallExpression' && parent.arguments[0] === text.node && parent.arguments.length === 1) {
    const c = parent.callee;
    if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && c.property.name === 'parse') return text.parent;
  }
  return undefined;
}
