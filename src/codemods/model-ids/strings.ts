import type { AnyNode } from './ast-utils';

/**
 * Sets a string literal's value in place. The literal keeps its own quote character (recast prints
 * `extra.raw` when it still matches the value), so the diff shows only the changed text; a literal
 * without a raw form gets the file's quote style.
 */
export function setStringValue(node: AnyNode, value: string, fileQuote: 'single' | 'double'): void {
  const oldRaw: string | undefined = node.extra?.raw ?? node.raw;
  const quote = oldRaw && (oldRaw[0] === '"' || oldRaw[0] === "'") ? oldRaw[0] : fileQuote === 'single' ? "'" : '"';
  const escaped = value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  const raw = `${quote}${escaped}${quote}`;
  node.value = value;
  if (node.type === 'Literal') node.raw = raw;
  node.extra = { ...(node.extra ?? {}), rawValue: value, raw };
}

/** Sets the text of one template-literal quasi (model IDs need no escaping). */
export function setQuasi(quasi: AnyNode, text: string): void {
  quasi.value = { raw: text, cooked: text };
}
