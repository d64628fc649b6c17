/**
 * Keeps the code after a request right once thinking is on, where the answer starts with a reasoning block:
 *  - `content[0].text` (and the Converse `output.message.content[0].text`) → the first text block;
 *  - other uses of `content[0]`, a response that leaves the function, and a tool loop that rebuilds the
 *    assistant turn without its reasoning blocks get one marker (a human finishes them);
 *  - stream loops that add up `delta.text` on every `content_block_delta` skip thinking deltas.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { getPropertyValue, staticString, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import type { RequestSite } from './sites';

const WRAPPERS = new Set(['TSNonNullExpression', 'TSAsExpression', 'ParenthesizedExpression', 'AwaitExpression', 'TSSatisfiesExpression']);
const isMember = (n: AnyNode): boolean => n?.type === 'MemberExpression' || n?.type === 'OptionalMemberExpression';
const propName = (n: AnyNode): string | undefined => (n.computed ? staticString(n.property) : n.property?.name);

/** The function (or program) the call sits in. */
function scopeOf(path: ASTPath): ASTPath {
  let p: AnyNode = path.parent;
  while (p && !/Function|Program/.test(p.node.type)) p = p.parent;
  return p ?? path;
}

/** `x` when the call's awaited result is stored in `const/let x = await …`. */
function resultName(call: ASTPath): string | undefined {
  let p: AnyNode = call;
  while (p.parent && WRAPPERS.has(p.parent.node.type)) p = p.parent;
  const holder = p.parent?.node;
  return holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : undefined;
}

function mentions(node: AnyNode, names: Set<string>): boolean {
  let found = false;
  const visit = (n: AnyNode): void => {
    if (found || !n || typeof n !== 'object') return;
    if (n.type === 'Identifier' && names.has(n.name)) found = true;
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'comments' || key === 'tokens') continue;
      const v = n[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(node);
  return found;
}

const isJsonParse = (n: AnyNode): boolean =>
  n?.type === 'CallExpression' && isMember(n.callee) && n.callee.object.name === 'JSON' && n.callee.property.name === 'parse';

/** The names that hold the response (and, for InvokeModel, its decoded body) in the call's function. */
function responseNames(ctx: CodemodContext, site: RequestSite, scope: ASTPath): Set<string> {
  const names = new Set<string>();
  const result = resultName(site.call);
  if (result) names.add(result);
  if (site.kind === 'invoke' && names.size > 0) {
    ctx.j(scope).find(ctx.j.VariableDeclarator).forEach((p) => {
      const node: AnyNode = p.node;
      if (node.id.type === 'Identifier' && isJsonParse(unwrapExpression(node.init)) && mentions(node.init, names)) names.add(node.id.name);
    });
  }
  return names;
}

/** Whether `node` (a `.content` member's object) is the response: `R`, `R.output.message`, the call itself. */
function isResponseContent(site: RequestSite, contentMember: AnyNode, names: Set<string>): boolean {
  let object = unwrapExpression(contentMember.object);
  if (site.kind === 'converse') {
    if (!isMember(object) || propName(object) !== 'message') return false;
    object = unwrapExpression(object.object);
    if (!isMember(object) || propName(object) !== 'output') return false;
    object = unwrapExpression(object.object);
  }
  while (object?.type === 'AwaitExpression') object = unwrapExpression(object.argument);
  if (object?.type === 'Identifier') return names.has(object.name);
  if (object === site.call.node) return true;
  return site.kind === 'invoke' && isJsonParse(object) && mentions(object, names);
}

function predicate(ctx: CodemodContext, site: RequestSite): string {
  const q = ctx.style.quote === 'single' ? "'" : '"';
  const ts = /\.(ts|tsx|mts|cts)$/.test(ctx.file.path);
  if (site.kind === 'converse') return `(block) => ${q}text${q} in block`;
  if (site.kind === 'invoke' && ts) return `(block: { type: string }) => block.type === ${q}text${q}`;
  return `(block) => block.type === ${q}text${q}`;
}

/** Rewrites `content[0].text` reads of this site's response; marks other `content[0]` uses. Returns true on change. */
export function fixResponseReads(ctx: CodemodContext, site: RequestSite): boolean {
  const { j } = ctx;
  const scope = scopeOf(site.call);
  const names = responseNames(ctx, site, scope);
  const ts = /\.(ts|tsx|mts|cts)$/.test(ctx.file.path);
  let changed = false;
  const targets: AnyNode[] = [];
  j(scope)
    .find(j.Node)
    .filter((p: AnyNode) => isMember(p.node) && p.node.computed && unwrapExpression(p.node.property)?.value === 0)
    .forEach((p: AnyNode) => {
      const content = unwrapExpression(p.node.object);
      if (isMember(content) && propName(content) === 'content' && isResponseContent(site, content, names)) targets.push(p);
    });
  for (const p of targets) {
    let outer: AnyNode = p;
    while (outer.parent?.node.type === 'TSNonNullExpression') outer = outer.parent;
    const reader = outer.parent?.node;
    const readsText = isMember(reader) && reader.object === outer.node && propName(reader) === 'text' && !reader.computed;
    if (!readsText) {
      ctx.marker(p, 'thinking is on: content[0] is the reasoning block now; use the first text block');
      continue;
    }
    const objectText = j(p.get('object')).toSource();
    const optional = p.node.optional === true;
    const bang = ts && !optional && !reader.optional ? '!' : '';
    const expression = `${objectText}${optional ? '?.' : '.'}find(${predicate(ctx, site)})${bang}`;
    const replacement = (j.template.expression as unknown as (parts: string[]) => AnyNode)([expression]);
    // `x[0]!.text` already asserts; the new `!` takes its place.
    if (outer !== p && bang) outer.replace(replacement);
    else p.replace(replacement);
    changed = true;
  }
  markEscapes(ctx, site, scope, names);
  return changed;
}

/** A response returned from the function: its readers elsewhere must read the first text block. */
function markEscapes(ctx: CodemodContext, site: RequestSite, scope: ASTPath, names: Set<string>): void {
  if (site.stream) return;
  ctx.j(scope)
    .find(ctx.j.ReturnStatement)
    .forEach((p: AnyNode) => {
      if (scopeOf(p) !== scope) return;
      const arg = unwrapExpression(p.node.argument);
      const whole = arg?.type === 'Identifier' && names.has(arg.name);
      const parsed = site.kind === 'invoke' && isJsonParse(arg) && mentions(arg, names);
      if (whole || parsed || arg === site.call.node) {
        ctx.marker(p, 'thinking is on: callers must read the first text block, not content[0] (a reasoning block)');
      }
    });
}

/** In a tool loop, an assistant turn rebuilt by hand drops the reasoning blocks thinking requires back. */
export function markRebuiltAssistantTurns(ctx: CodemodContext, site: RequestSite): void {
  const scope = scopeOf(site.call);
  ctx.j(scope)
    .find(ctx.j.ObjectExpression)
    .forEach((p: AnyNode) => {
      if (staticString(getPropertyValue(p.node, 'role')) !== 'assistant') return;
      // Turns written in the request itself (few-shot examples) are not rebuilt answers.
      for (let up: AnyNode = p.parent; up; up = up.parent) if (up.node === site.input || up.node === site.params) return;
      const content = unwrapExpression(getPropertyValue(p.node, 'content'));
      const rebuilt =
        content?.type === 'ArrayExpression' ||
        (content?.type === 'CallExpression' && isMember(content.callee) && ['map', 'filter'].includes(propName(content.callee) ?? ''));
      if (rebuilt) ctx.marker(p, 'thinking is on: send the response content back as is (its reasoning blocks are required)');
    });
}

/**
 * Stream loops that read `delta.text` on every delta would add `undefined` for thinking deltas. The test
 * gains `&& <event>.delta.type === "text_delta"` (Anthropic events) or
 * `&& <event>.contentBlockDelta.delta?.text !== undefined` (ConverseStream events).
 */
export function guardTextDeltas(ctx: CodemodContext, site: RequestSite): boolean {
  const { j } = ctx;
  const q = ctx.style.quote === 'single' ? "'" : '"';
  let changed = false;
  j(scopeOf(site.call))
    .find(j.IfStatement)
    .forEach((p: AnyNode) => {
      const test = p.node.test;
      const testText = j(p.get('test')).toSource();
      const consequent = j(p.get('consequent')).toSource();
      if (!/\bdelta\??\.text\b/.test(consequent)) return;
      let guard: string | undefined;
      const anthropicEvent = site.kind === 'converse' ? undefined : deltaTestSubject(test);
      const converseEvent = site.kind === 'converse' ? converseDeltaSubject(test) : undefined;
      if (anthropicEvent && !/text_delta/.test(testText)) guard = `${anthropicEvent}.delta.type === ${q}text_delta${q}`;
      if (converseEvent && !/\.text\b/.test(testText) && !/toolUse|reasoningContent/.test(consequent)) {
        guard = `${converseEvent}.contentBlockDelta.delta?.text !== undefined`;
      }
      if (!guard) return;
      const wrapped = test.type === 'LogicalExpression' && test.operator !== '&&' ? `(${testText})` : testText;
      p.get('test').replace((j.template.expression as unknown as (parts: string[]) => AnyNode)([`${wrapped} && ${guard}`]));
      changed = true;
    });
  return changed;
}

/** `e.contentBlockDelta` (alone or in an `&&`): the source of `e`. */
function converseDeltaSubject(test: AnyNode): string | undefined {
  const t = unwrapExpression(test);
  if (t?.type === 'LogicalExpression' && t.operator === '&&') return converseDeltaSubject(t.left) ?? converseDeltaSubject(t.right);
  if (!isMember(t) || propName(t) !== 'contentBlockDelta') return undefined;
  const object = unwrapExpression(t.object);
  return object?.type === 'Identifier' ? object.name : undefined;
}

/** `e.type === "content_block_delta"` (alone or in an `&&`): the source of `e`. */
function deltaTestSubject(test: AnyNode): string | undefined {
  const t = unwrapExpression(test);
  if (t?.type === 'LogicalExpression' && t.operator === '&&') return deltaTestSubject(t.left) ?? deltaTestSubject(t.right);
  if (t?.type !== 'BinaryExpression' || !['===', '=='].includes(t.operator)) return undefined;
  const [member, literal] = isMember(t.left) ? [t.left, t.right] : [t.right, t.left];
  if (staticString(literal) !== 'content_block_delta' || !isMember(member) || propName(member) !== 'type') return undefined;
  const object = unwrapExpression(member.object);
  return object?.type === 'Identifier' ? object.name : undefined;
}
