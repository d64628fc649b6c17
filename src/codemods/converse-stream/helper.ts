/**
 * The stream handed to a helper in the same file: `readText(response.body)`, `yield* this.parse(response.body)`,
 * `return streamToSse(response.body, res)`. The helper's loop over its parameter is the loop to migrate, when
 * nothing else can reach the helper with another stream:
 *   - a function declaration or `const f = (…) => …` that is not exported, called only here;
 *   - a method of a class that is not exported (or a TypeScript `private` / `#private` method), called only
 *     here as `this.method(…)`;
 * and the parameter is only read by one `for await` loop (and presence tests). A parameter typed with
 * `ResponseStream` gets `ConverseStreamOutput`.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { declarationOf, referencePaths, type AnyNode } from '../../ast/bedrock';
import { block } from '../../bedrock/result';
import { isMember, memberName } from './chain';
import type { StreamSite } from './call-site';

export interface HelperHop {
  /** The parameter's uses inside the helper (checked like the response's `body` uses). */
  uses: ASTPath[];
  /** A readable name for reasons: `readText`, `this.parse`. */
  name: string;
  /** The parameter node (its type annotation follows the stream). */
  param: AnyNode;
}

const parentOf = (p: ASTPath): ASTPath => (p as AnyNode).parent as ASTPath;

function isExported(p: ASTPath | undefined): boolean {
  for (let cur: AnyNode = p; cur; cur = cur.parent) {
    const t = cur.node?.type;
    if (t === 'ExportNamedDeclaration' || t === 'ExportDefaultDeclaration') return true;
    if (t === 'Program') return false;
    if (/Function|ClassMethod|ObjectMethod/.test(t) && cur !== p) return false;
  }
  return false;
}

/** `module.exports = …` / `exports.x = …` mentioning the name: reachable from other modules. */
export function exportedByCommonJs(j: JSCodeshift, root: AnyNode, name: string): boolean {
  return root
    .find(j.AssignmentExpression)
    .some((p: ASTPath) => {
      const left: AnyNode = (p.node as AnyNode).left;
      const text = isMember(left) ? `${left.object.type === 'Identifier' ? left.object.name : ''}.${memberName(left) ?? ''}` : '';
      if (!/^(module\.exports|exports\.)/.test(text) && !text.startsWith('exports.')) return false;
      const right: AnyNode = (p.node as AnyNode).right;
      return (right.type === 'Identifier' && right.name === name) || j(right).find(j.Identifier, { name } as never).size() > 0;
    });
}

const ITERABLES = new Set(['AsyncIterable', 'AsyncIterableIterator', 'AsyncGenerator', 'Iterable']);

/** The function a call reaches and the parameter the stream lands in; `undefined` when `use` is no call argument. */
export function followIntoHelper(ctx: CodemodContext, use: ASTPath): HelperHop | undefined {
  const { j, root } = ctx;
  const callPath = parentOf(use);
  const call: AnyNode = callPath.node;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(use.node)) return undefined;
  const index = call.arguments.indexOf(use.node);
  let fnPath: ASTPath | undefined;
  let name: string;
  const callee: AnyNode = call.callee;
  if (callee.type === 'Identifier') {
    name = callee.name;
    const decl = declarationOf(name, callPath);
    const d: AnyNode = decl?.node;
    if (d?.type === 'FunctionDeclaration') fnPath = decl;
    else if (d?.type === 'VariableDeclarator' && (decl.parentPath.node as AnyNode).kind === 'const' && /FunctionExpression|ArrowFunctionExpression/.test(d.init?.type ?? '')) {
      fnPath = (decl as AnyNode).get('init');
    }
    if (!fnPath) return block(`the stream is handed to \`${name}\`, which is not a function of this file`);
    if (isExported(fnPath) || isExported(decl) || exportedByCommonJs(j, root, name)) {
      block(`the stream is handed to \`${name}\`, which other modules can call too`);
    }
    if (referencePaths(j, root, name, decl).length !== 1) block(`the stream is handed to \`${name}\`, which is called from elsewhere too`);
  } else if (isMember(callee) && callee.object.type === 'ThisExpression' && memberName(callee)) {
    const method = memberName(callee) as string;
    name = `this.${method}`;
    const cls = j(callPath).closest(j.ClassBody);
    const found = cls.size() ? cls.find(j.ClassMethod).filter((p) => !(p.node as AnyNode).static && memberKey(p.node as AnyNode) === method) : undefined;
    const priv = cls.size() ? cls.find(j.ClassPrivateMethod).filter((p) => (p.node as AnyNode).key?.id?.name === method.replace(/^#/, '')) : undefined;
    const methods = [...(found?.paths() ?? []), ...(priv?.paths() ?? [])];
    if (methods.length !== 1) return block(`the stream is handed to \`${name}\`, which is not a method of this class`);
    fnPath = methods[0];
    const m: AnyNode = fnPath.node;
    const classPath = parentOf(parentOf(fnPath));
    const isPrivate = m.accessibility === 'private' || m.type === 'ClassPrivateMethod';
    if (!isPrivate && (isExported(classPath) || exportedByCommonJs(j, root, (classPath.node as AnyNode).id?.name ?? '\u0000'))) {
      block(`the stream is handed to \`${name}\`, a method other modules can call too (make it private to migrate)`);
    }
    // A private method is reached only through `this` in its class; any other may be reached as `x.method`
    // (`JSON.parse` and the like aside).
    const scope = isPrivate ? cls : root;
    const calls = scope.find(j.MemberExpression).filter((p) => {
      const n: AnyNode = p.node;
      if (memberName(n) !== method) return false;
      if (isPrivate) return n.object.type === 'ThisExpression';
      return !(n.object.type === 'Identifier' && /^[A-Z]/.test(n.object.name) && n.object.name !== (classPath.node as AnyNode).id?.name);
    });
    if (calls.size() !== 1) block(`the stream is handed to \`${name}\`, which is called from elsewhere too`);
  } else {
    return block('the stream is handed to a function this codemod cannot follow');
  }
  const fn: AnyNode = (fnPath as ASTPath).node;
  const param: AnyNode = fn.params[index];
  if (param?.type !== 'Identifier') block(`\`${name}\` takes the stream in a parameter that is not a plain name`);
  const paramPath = ((fnPath as AnyNode).get('params') as AnyNode).get(index) as ASTPath;
  const uses = referencePaths(j, root, param.name, paramPath).filter((p) => p.node !== param);
  return { uses, name: name as string, param };
}

function memberKey(m: AnyNode): string | undefined {
  if (m.computed) return undefined;
  return m.key?.type === 'Identifier' ? m.key.name : m.key?.type === 'StringLiteral' ? m.key.value : undefined;
}

/**
 * The helper's parameter annotation: types naming `ResponseStream` follow (`AsyncIterable<ResponseStream>`
 * → `AsyncIterable<ConverseStreamOutput>`); `any` stays; anything else (a structural `{ chunk?: … }`) keeps
 * the call, since ConverseStream events would not fit it.
 */
export function paramTypeRefs(j: JSCodeshift, param: AnyNode, typeRefs: StreamSite['typeRefs']): void {
  const annotation: AnyNode = param.typeAnnotation?.typeAnnotation;
  if (!annotation || annotation.type === 'TSAnyKeyword') return;
  const refs = j(annotation)
    .find(j.TSTypeReference)
    .filter((p) => {
      const t: AnyNode = (p.node as AnyNode).typeName;
      return (t.type === 'Identifier' && t.name === 'ResponseStream') || (t.type === 'TSQualifiedName' && t.right.name === 'ResponseStream');
    });
  if (refs.size() === 0) {
    // `AsyncIterable<any>` and the like: nothing in it describes the events.
    const loose = j(annotation).find(j.TSTypeLiteral).size() === 0 && j(annotation).find(j.TSTypeReference).every((p) => {
      const ref: AnyNode = p.node;
      const params: AnyNode[] = ref.typeParameters?.params ?? [];
      return ref.typeName.type === 'Identifier' && ITERABLES.has(ref.typeName.name) && params.every((t) => t.type === 'TSAnyKeyword');
    });
    if (!loose) block('the helper types the stream with a type this codemod does not know');
  }
  // Paths found from a bare node have no link to the file's tree: rename through the node itself.
  refs.forEach((p) => typeRefs.push({ path: p as ASTPath, to: 'ConverseStreamOutput' }));
}
