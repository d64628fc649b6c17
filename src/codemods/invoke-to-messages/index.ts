/**
 * invoke-to-messages: InvokeModel and InvokeModelWithResponseStream with Anthropic Messages bodies → the
 * Messages API on Bedrock through `AnthropicBedrockMantle` (`--api messages`).
 *
 *   1. find the call sites (sites.ts);
 *   2. per site, plan the request (the body minus anthropic_version becomes the create() argument, model as a
 *      mantle ID, request rules of API version 2026-10-21) and the response (decode chains and chunk loops
 *      go); a site either side cannot convert keeps its call with one marker;
 *   3. apply the plans, create the client once per module, drop imports nothing uses any more.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import {
  countReferences,
  findRuntimeBindings,
  localNamesOf,
  refersToExport,
  removeDeclarator,
  removeRuntimeExportIfUnused,
  unwrapExpression,
  type AnyNode,
} from '../../ast/bedrock';
import type { Codemod, CodemodContext } from '../../engine/types';
import { ensureMantleClient, mantleOptions } from './client';
import { applyRequest, planRequest, type RequestPlan } from './request';
import { planResponse, type ResponsePlan } from './response';
import { findSites, type Site } from './sites';
import { convertAtGateway, gatewayCandidate, isGatewayCall, unreachable } from './gateway';
import { callFamily } from '../../bedrock/family';
import { MANTLE_API_VERSION, MANTLE_PACKAGE, MANTLE_PACKAGE_RANGE, servedModels } from './surface';

const NAME = 'invoke-to-messages';

interface Planned {
  site: Site;
  request: RequestPlan;
  response: ResponsePlan;
}

/** Removes `const client = new BedrockRuntimeClient(…)` at module level when nothing uses it any more. */
function removeUnusedClients(j: JSCodeshift, root: Collection): void {
  const bindings = findRuntimeBindings(j, root);
  const names = new Set([...localNamesOf(bindings, 'BedrockRuntimeClient'), ...localNamesOf(bindings, 'BedrockRuntime')]);
  const program: AnyNode = root.find(j.Program).nodes()[0];
  for (const statement of [...program.body]) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue;
    const d = statement.declarations[0];
    const init = unwrapExpression(d.init);
    const isClient = init?.type === 'NewExpression' && (names.has(init.callee.name) || refersToExport(bindings, init.callee, 'BedrockRuntimeClient') || refersToExport(bindings, init.callee, 'BedrockRuntime'));
    if (d.id.type !== 'Identifier' || !isClient) continue;
    if (countReferences(j, root, d.id.name) > 0) continue;
    const path = root.find(j.VariableDeclarator).filter((p) => p.node === d).paths()[0];
    if (path) removeDeclarator(j, path);
  }
}

/** `import * as br from '…'` / `const br = require('…')` of the runtime module when `br` is no longer used. */
function removeUnusedNamespaces(j: JSCodeshift, root: Collection): void {
  const bindings = findRuntimeBindings(j, root);
  for (const imp of bindings.imports) {
    const node: AnyNode = imp.path.node;
    if (imp.kind === 'esm') {
      const specs: AnyNode[] = node.specifiers ?? [];
      if (specs.length === 1 && specs[0].type !== 'ImportSpecifier' && countReferences(j, root, specs[0].local.name) === 0) j(imp.path).remove();
    } else if (imp.kind === 'require' && node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init?.type === 'CallExpression') {
      if (countReferences(j, root, node.id.name) === 0) removeDeclarator(j, imp.path);
    }
  }
}

function noteDependency(ctx: CodemodContext): void {
  ctx.note(
    `add the dependency ${MANTLE_PACKAGE}@${MANTLE_PACKAGE_RANGE} (AnthropicBedrockMantle); its @anthropic-ai/sdk 1.x sends API version ` +
      `${MANTLE_API_VERSION}: no temperature/top_p/top_k, no document blocks in assistant turns, no citations on user text blocks`,
  );
}

/** Converts the gateways' sends (or marks them, with `--boundaries mark`); true when the file changed. */
function convertGateways(ctx: CodemodContext, gateways: Array<{ site: Site; why: string }>): boolean {
  if (gateways.length === 0) return false;
  const keep = (site: Site, why: string) => ctx.marker(site.at, `kept on InvokeModel: ${why}`);
  const blocked = ctx.options.boundaries === 'mark' ? undefined : unreachable(ctx.j, ctx.root);
  let converted = false;
  for (const { site, why } of gateways) {
    if (ctx.options.boundaries === 'mark') {
      keep(site, why);
      continue;
    }
    if (blocked) {
      keep(site, blocked);
      continue;
    }
    const result = convertAtGateway(ctx, site);
    if (!result.ok) {
      keep(site, result.why);
      continue;
    }
    converted = true;
    ctx.note(gatewayNote(result.helper, site.kind), site.at, 'boundary');
  }
  return converted;
}

function gatewayNote(helper: string, kind: Site['kind']): string {
  const served = servedModels().map((m) => m.mantleId).join(', ');
  return (
    `gateway: ${helper}(…) sends Claude Messages bodies for the models the Messages API on Bedrock serves (${served}) ` +
    'to AnthropicBedrockMantle at run time, without temperature/top_p/top_k (API version 2026-10-21), and every other ' +
    "call to InvokeModel unchanged; the Mantle client takes the runtime client's region and credential provider, " +
    'not its endpoint or other options; errors on that path are Anthropic.APIErrors, not AWS exceptions' +
    (kind === 'stream' ? '; its stream carries no amazon-bedrock-invocationMetrics and no AWS error members' : '')
  );
}

function run(ctx: CodemodContext): boolean {
  const { j, root } = ctx;
  const bindings = findRuntimeBindings(j, root);
  const sites = findSites(j, root, bindings);
  if (sites.length === 0) return false;

  const planned: Planned[] = [];
  const gateways: Array<{ site: Site; why: string }> = [];
  for (const site of sites) {
    if (ctx.isIgnored(site.at)) continue;
    // A send an earlier run converted at a gateway: nothing left to do.
    if (site.call && isGatewayCall(site.call.node)) continue;
    // Titan, Llama, Cohere, …: nothing to migrate, no marker (the same verdict invoke-to-converse uses).
    const family = (site.at.node as AnyNode).arguments?.length ? callFamily(j, root, site.at.get('arguments', 0)) : undefined;
    if (family?.kind === 'not-claude') continue;
    const keep = (why: string) => ctx.marker(site.at, `kept on InvokeModel: ${why}`);
    // The model or body is known only at run time: a gateway's shared send, dispatched there.
    const atRunTime = (why: string) => (site.call && family && gatewayCandidate(family, ctx.file.source) ? gateways.push({ site, why }) : keep(why));
    if (!site.call || site.problem) {
      if (site.runtime) atRunTime(site.problem!);
      else keep(site.problem ?? 'the command is not sent here');
      continue;
    }
    const request = planRequest(j, root, site.kind, site.input, site.at, ctx.file.source);
    if (!request.ok) {
      if (request.runtime) atRunTime(request.why);
      else if (!request.silent) keep(request.why);
      continue;
    }
    const response = planResponse(j, root, site.kind, site.call);
    if (!response.ok) {
      keep(response.why);
      continue;
    }
    planned.push({ site, request: request.plan, response: response.plan });
  }
  const converted = convertGateways(ctx, gateways);
  if (planned.length === 0) {
    if (converted) noteDependency(ctx);
    return converted;
  }

  const client = mantleOptions(j, root);
  const mantle = ensureMantleClient(j, root, client, ctx.style.quote);
  for (const note of client.notes) ctx.note(note);
  for (const { site, request, response } of planned) {
    for (const note of [...request.notes, ...response.notes]) ctx.note(note, site.at);
    const argument = applyRequest(j, request, site.kind);
    const create = j.callExpression(j.memberExpression(j.memberExpression(j.identifier(mantle), j.identifier('messages')), j.identifier('create')), [argument]);
    const call = site.call!;
    call.replace(create);
    // The response plan finds the call through its `const res = await …` declarator, which now holds `create`.
    response.apply(j, create);
    if (site.commandDeclarator) removeDeclarator(j, site.commandDeclarator);
    if (response.untyped && /\.[cm]?tsx?$/.test(ctx.file.path)) {
      ctx.note('the decoded value was `any` (JSON.parse); it now has the SDK type: narrow content blocks and deltas by `type` where the compiler asks', site.at);
    }
    ctx.note(`${site.kind === 'stream' ? 'InvokeModelWithResponseStream' : 'InvokeModel'} → ${mantle}.messages.create(${site.kind === 'stream' ? '{ …, stream: true }' : '…'})`, site.at);
  }
  removeUnusedClients(j, root);
  for (const name of ['InvokeModelCommand', 'InvokeModelWithResponseStreamCommand', 'BedrockRuntimeClient', 'BedrockRuntime']) {
    removeRuntimeExportIfUnused(j, root, findRuntimeBindings(j, root), name);
  }
  removeUnusedNamespaces(j, root);
  noteDependency(ctx);
  return true;
}

const codemod: Codemod = { name: NAME, run };
export default codemod;
