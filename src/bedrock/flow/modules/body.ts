/**
 * A request body built in one module and sent in another (runner only, see facts.ts):
 *
 *   // prompt.js                                   // handler.js
 *   export function buildBody(q) {                 import { buildBody } from './prompt';
 *     return JSON.stringify({ anthropic_version,   client.send(new InvokeModelCommand({ modelId, body: buildBody(q) }))
 *       max_tokens, messages: [...] });
 *   }
 *
 * With the verdict `follow`, the builder returns the Converse input fields (`{ messages, inferenceConfig }`)
 * and the call spreads them: `new ConverseCommand({ modelId, ...buildBody(q) })`.
 *
 * API (stable): `importedBodyCall(ctx, bodyValue)` (the sending side), `migrateExportedBuilders(ctx, map)`
 * (the defining side; `map` is the request mapping of the codemod, applied to the returned object).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../../engine/types';
import { type AnyNode, unwrapExpression } from '../../../ast/bedrock';
import { type FunctionFact, boundaryFact, boundaryReason, importedFact, moduleFacts, relativeModule, reportFollowed } from './facts';
import { followedExports, isModuleBinding } from './functions';

/**
 * `buildBody(q)` (a builder that stringifies) or `JSON.stringify(buildBody(q))` (one that returns the object)
 * with the verdict `follow`; `{ reason }` when the runner gave it the verdict `boundary` and says why.
 */
export function importedBodyCall(ctx: CodemodContext, value: AnyNode, at: ASTPath): { call: AnyNode; fact: FunctionFact } | { reason: string } | undefined {
  if (!moduleFacts(ctx)) return undefined;
  const v = unwrapExpression(value);
  const callee = v?.type === 'CallExpression' ? (isJsonStringify(v.callee) ? unwrapExpression(v.arguments[0]) : v).callee : undefined;
  // The name must be the module's import, not a local of the same name.
  if (callee?.type !== 'Identifier' || !isModuleBinding(at, callee.name)) return undefined;
  const kept = callee?.type === 'Identifier' ? boundaryFact(ctx, callee.name, 'body-builder', 'imported') : undefined;
  if (kept) return { reason: `body from ${callee.name}() in ${relativeModule(ctx.file.path, kept.file)}, ${boundaryReason(ctx, kept)}` };
  const direct = builderCall(ctx, v);
  if (direct?.fact.stringifies) return direct;
  if (v?.type === 'CallExpression' && isJsonStringify(v.callee) && v.arguments.length === 1) {
    const inner = builderCall(ctx, unwrapExpression(v.arguments[0]));
    if (inner && !inner.fact.stringifies) return inner;
  }
  return undefined;
}

function builderCall(ctx: CodemodContext, n: AnyNode): { call: AnyNode; fact: FunctionFact } | undefined {
  if (n?.type !== 'CallExpression' || n.callee.type !== 'Identifier') return undefined;
  const fact = importedFact(ctx, n.callee.name, 'body-builder');
  return fact ? { call: n, fact } : undefined;
}

function isJsonStringify(callee: AnyNode): boolean {
  return (
    callee?.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'JSON' &&
    callee.property.name === 'stringify'
  );
}

export type BodyMapping = (obj: AnyNode, at: ASTPath) => { ok: true; apply(): void } | { ok: false; reason: string };

/**
 * Rewrites every exported builder this module defines whose verdict is `follow`: its one returned body
 * becomes the Converse input fields (TS: typed `Omit<ConverseCommandInput, "modelId">`). A builder whose
 * body does not map stays as it is; the runner then sees it was not followed and keeps the boundary.
 */
export function migrateExportedBuilders(ctx: CodemodContext, map: BodyMapping, converseInputType: () => AnyNode | undefined): boolean {
  const facts = moduleFacts(ctx);
  if (!facts) return false;
  let changed = false;
  for (const { fact, fn, ret } of followedExports(ctx, 'body-builder')) {
    const node: AnyNode = fn.node;
    const returned: AnyNode = ret.path.node;
    const stringify = fact.stringifies ? unwrapExpression(returned) : undefined;
    if (fact.stringifies && !(stringify?.type === 'CallExpression' && isJsonStringify(stringify.callee) && stringify.arguments.length === 1)) continue;
    const obj = unwrapExpression(fact.stringifies ? stringify.arguments[0] : returned);
    if (obj?.type !== 'ObjectExpression') continue;
    const isTs = /\.[cm]?tsx?$/.test(ctx.file.path);
    const returnType = node.returnType?.typeAnnotation;
    if (returnType && !(fact.stringifies && returnType.type === 'TSStringKeyword')) continue;
    const mapped = map(obj, ret.path);
    if (!mapped.ok) continue;
    mapped.apply();
    if (fact.stringifies) ret.replace(obj);
    if (isTs) {
      const t = converseInputType();
      if (t) {
        const j = ctx.j;
        node.returnType = j.tsTypeAnnotation(
          j.tsTypeReference(j.identifier('Omit'), j.tsTypeParameterInstantiation([j.tsTypeReference(t), j.tsLiteralType(j.stringLiteral('modelId'))])),
        );
      } else if (returnType) node.returnType = null;
    }
    const callers = Object.keys(fact.callers).map((f) => relativeModule(ctx.file.path, f));
    const shown = fact.exportName === 'default' ? `${fact.localName ?? 'the default export'}" (the default export)` : `${fact.exportName}"`;
    ctx.note(`"${shown} now returns the Converse input fields instead of the Anthropic body; its callers (${callers.join(', ')}) spread them into ConverseCommand`, fn);
    reportFollowed(ctx, fact);
    changed = true;
  }
  return changed;
}
