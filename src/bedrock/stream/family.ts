/**
 * Is a stream call Claude's? ("Not Claude, not touched": a Titan, Llama, Mistral, imported-model or
 * OpenAI-format call gets no change and no marker.)
 *
 * Read from the command input:
 *   - the model ID when it is a literal: `anthropic.` / `claude` → Claude; another provider's prefix → not;
 *   - the request body (`body: JSON.stringify(x)`), followed through a variable and through same-class or
 *     same-file functions that return object literals: an InvokeModel body for Claude carries
 *     `anthropic_version` (required, reference §1b) or, in the legacy Text Completions format,
 *     `max_tokens_to_sample`. When every body the code can build lacks both, the call is not Claude's;
 *     when some have them and some do not, the provider is chosen at run time (a multi-provider gateway).
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { declarationOf, getPropertyValue, keyName, unwrapExpression, type AnyNode } from '../../ast/bedrock';

export type StreamFamily =
  | { kind: 'claude' }
  | { kind: 'other' }
  | { kind: 'gateway'; reason: string }
  | { kind: 'unknown' };

const CLAUDE_KEYS = ['anthropic_version', 'max_tokens_to_sample'];
/** Bedrock model ID prefixes of other providers (optionally behind an inference-profile prefix). */
const OTHER_ID = /^(?:[a-z]{2,6}\.)?(?:amazon|meta|mistral|cohere|ai21|stability|deepseek|openai|qwen|writer|twelvelabs|luma|minimax|moonshot)\./;

export function modelIdFamily(id: string): 'claude' | 'other' | undefined {
  if (/anthropic\.|claude/i.test(id)) return 'claude';
  if (OTHER_ID.test(id) || /:imported-model\//.test(id)) return 'other';
  return undefined;
}

/** What the body objects say: whether each has a Claude key; undefined when one cannot be read. */
interface Bodies {
  claude: number;
  other: number;
  unreadable: boolean;
}

function readObject(obj: AnyNode, out: Bodies): void {
  const props: AnyNode[] = obj.properties ?? [];
  if (props.some((p) => CLAUDE_KEYS.includes(keyName(p) ?? ''))) out.claude++;
  else if (props.some((p) => p.type === 'SpreadElement' || p.type === 'SpreadProperty' || keyName(p) === undefined)) out.unreadable = true;
  else out.other++;
}

function functionOf(j: JSCodeshift, root: AnyNode, call: AnyNode, at: ASTPath): AnyNode | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier') {
    const decl = declarationOf(callee.name, at);
    const d: AnyNode = decl?.node;
    if (d?.type === 'FunctionDeclaration') return d;
    if (d?.type === 'VariableDeclarator' && /FunctionExpression|ArrowFunctionExpression/.test(d.init?.type ?? '')) return d.init;
    return undefined;
  }
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && callee.object.type === 'ThisExpression' && !callee.computed) {
    const cls = j(at).closest(j.ClassBody);
    const methods = cls.find(j.ClassMethod).filter((p) => (p.node as AnyNode).key?.name === callee.property.name);
    return methods.size() === 1 ? methods.nodes()[0] : undefined;
  }
  return undefined;
}

/** Reads what an expression can evaluate to (object literals), a few hops deep. */
function readValue(j: JSCodeshift, root: AnyNode, node: AnyNode, at: ASTPath, out: Bodies, depth: number): void {
  const n = unwrapExpression(node);
  if (depth > 4 || !n) {
    out.unreadable = true;
    return;
  }
  if (n.type === 'ObjectExpression') return readObject(n, out);
  if (n.type === 'ConditionalExpression') {
    readValue(j, root, n.consequent, at, out, depth + 1);
    readValue(j, root, n.alternate, at, out, depth + 1);
    return;
  }
  if (n.type === 'Identifier') {
    const decl = declarationOf(n.name, at);
    const d: AnyNode = decl?.node;
    if (d?.type !== 'VariableDeclarator') {
      out.unreadable = true;
      return;
    }
    if (d.init) readValue(j, root, d.init, decl, out, depth + 1);
    // Every assignment of the variable, and fields set on it afterwards.
    root.find(j.AssignmentExpression).forEach((p: ASTPath) => {
      const a: AnyNode = p.node;
      if (a.left.type === 'Identifier' && a.left.name === n.name && declarationOf(n.name, p) === decl) readValue(j, root, a.right, p, out, depth + 1);
      const l = a.left;
      if ((l.type === 'MemberExpression' || l.type === 'OptionalMemberExpression') && l.object.type === 'Identifier' && l.object.name === n.name) {
        const key = l.computed ? (l.property.value as string) : l.property.name;
        if (CLAUDE_KEYS.includes(key)) out.claude++;
      }
    });
    return;
  }
  if (n.type === 'CallExpression') {
    const fn = functionOf(j, root, n, at);
    if (!fn) {
      out.unreadable = true;
      return;
    }
    const fnPath = (j(at).closest(j.Program).find(j.Node).filter((p) => p.node === fn).paths()[0] ?? at) as ASTPath;
    if (fn.body.type !== 'BlockStatement') return readValue(j, root, fn.body, (fnPath as AnyNode).get('body'), out, depth + 1);
    const returns = j(fnPath)
      .find(j.ReturnStatement)
      .filter((p) => {
        for (let cur: AnyNode = (p as AnyNode).parent; cur; cur = cur.parent) if (/Function|ClassMethod|ObjectMethod/.test(cur.node.type)) return cur.node === fn;
        return false;
      });
    if (returns.size() === 0) out.unreadable = true;
    returns.forEach((p) => {
      const arg = (p.node as AnyNode).argument;
      if (arg) readValue(j, root, arg, (p as AnyNode).get('argument'), out, depth + 1);
    });
    return;
  }
  out.unreadable = true;
}

/** The family of the call whose input object literal is `input` (its path). */
export function streamCallFamily(j: JSCodeshift, root: AnyNode, input: ASTPath): StreamFamily {
  const obj: AnyNode = input.node;
  const model = unwrapExpression(getPropertyValue(obj, 'modelId'));
  const id = model?.type === 'StringLiteral' || (model?.type === 'Literal' && typeof model.value === 'string') ? model.value : undefined;
  const byId = id !== undefined ? modelIdFamily(id) : undefined;
  if (byId === 'claude') return { kind: 'claude' };
  if (byId === 'other') return { kind: 'other' };
  const body = unwrapExpression(getPropertyValue(obj, 'body'));
  if (!(body?.type === 'CallExpression' && body.callee.type === 'MemberExpression' && body.callee.object.name === 'JSON' && body.callee.property.name === 'stringify')) {
    return { kind: 'unknown' };
  }
  const bodies: Bodies = { claude: 0, other: 0, unreadable: false };
  const argPath = ((input.get('properties') as AnyNode).filter((p: AnyNode) => keyName(p.node) === 'body')[0] as AnyNode)?.get('value') ?? input;
  readValue(j, root, body.arguments[0], argPath, bodies, 0);
  if (bodies.claude > 0 && bodies.other > 0) {
    return { kind: 'gateway', reason: 'the request body is built for several model providers, one chosen at run time' };
  }
  if (bodies.claude > 0) return { kind: 'claude' };
  if (bodies.other > 0 && !bodies.unreadable) return { kind: 'other' };
  return { kind: 'unknown' };
}
