/**
 * The response body bytes and their decoded text (the decode chain is recognised by ../decode.ts): followed
 * to `JSON.parse`, the variables that hold them removed with the chain.
 */
import { referencePaths, removeDeclarator, type AnyNode } from '../../ast/bedrock';
import { decodedText, isUtf8, jsonParseOf } from '../decode';
import { trackVariable, use } from './follow';
import { parsed } from './message';
import { type ResponseAnalyzer } from './state';
import { block } from '../result';

/** The response bytes (`response.body`): decoded to text (decode.ts), or kept in a variable that is followed. */
export function useBytes(a: ResponseAnalyzer, p: AnyNode): void {
  const decoded = decodedText(p);
  if (decoded) {
    if (decoded.decoderDeclarator) keepDecoder(a, decoded.decoderDeclarator);
    if (!isUtf8(decoded.encoding)) block(decoded.via === 'TextDecoder' ? 'the body is decoded with a non-UTF-8 TextDecoder' : 'the body is decoded with a non-UTF-8 encoding');
    return use(a, decoded.text, 'text');
  }
  const parent: AnyNode = p.parent.node;
  if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
    trackVariable(a, p.parent, 'bytes');
    a.rewrites.push(() => removeDeclarator(a.j, p.parent));
    return;
  }
  block('the response body is used in a way that cannot be followed');
}

/** A `const decoder = new TextDecoder()` the decode chain uses: removed once nothing else uses it. */
export function keepDecoder(a: ResponseAnalyzer, decl: AnyNode): void {
  if (a.decoders.includes(decl)) return;
  a.decoders.push(decl);
  const name: string = decl.node.id.name;
  a.cleanups.push(() => {
    if (referencePaths(a.j, a.ctx.root, name, decl).length === 0) removeDeclarator(a.j, decl);
  });
}

/** The decoded body text: given to `JSON.parse` (the Anthropic message), or kept in a variable that is followed. */
export function useText(a: ResponseAnalyzer, p: AnyNode): void {
  const parent: AnyNode = p.parent.node;
  if (parent.type === 'AwaitExpression') return useText(a, p.parent);
  const parse = jsonParseOf(p);
  if (parse) return parsed(a, parse);
  if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
    trackVariable(a, p.parent, 'text');
    a.rewrites.push(() => removeDeclarator(a.j, p.parent));
    return;
  }
  block('the decoded body text is used without JSON.parse');
}
