/**
 * invoke-to-converse: `InvokeModelCommand` (and `client.invokeModel`) with an Anthropic Messages or Text
 * Completions body → `ConverseCommand` (`client.converse`), together with the handling of its response.
 *
 * Top to bottom, as the migration goes (the domain layer in src/bedrock/ does the reading and mapping):
 *   1. find the calls (bedrock/sites.ts): `new InvokeModelCommand(input)` sent with `client.send(...)`, or
 *      `client.invokeModel(input)`; calls of other model families (bedrock/family.ts) are left alone;
 *   2. plan each call once: the request (bedrock/request/) and the response handling (bedrock/response/);
 *      if either cannot be proven equivalent, the call stays as it is with a marker naming the reason;
 *   3. apply every plan: the response rewrites first, then the requests;
 *   4. switch the calls: `ConverseCommand` / `client.converse`;
 *   5. the types and imports (types.ts): `ConverseCommand` is added, `InvokeModelCommand` removed when unused,
 *      and the type references (`InvokeModelCommandInput` → `ConverseCommandInput`, …) follow.
 */
import type { Codemod, CodemodContext } from '../../engine/types';
import {
  type AnyNode,
  type RuntimeBindings,
  disableReferenceIndex,
  enableReferenceIndex,
  ensureRuntimeExport,
  invalidateReferenceIndex,
  findCommandConstructions,
  findRuntimeBindings,
  removeRuntimeExportIfUnused,
} from '../../ast/bedrock';
import { CLAUDE, type FamilyVerdict, callFamily } from '../../bedrock/family';
import { convertGateway } from '../../bedrock/gateway';
import { mapInvokeRequest } from '../../bedrock/request';
import { planResponse } from '../../bedrock/response';
import type { Mapped } from '../../bedrock/result';
import { type Site, INVOKE_MODEL, findCallSites, inputObjectPath, sendCallPath } from '../../bedrock/sites';
import { OLD_TYPES, cloneShallow, followAnnotations, makeTypeRef, renameTypes, stripInputAnnotation } from './types';
import { type FunctionFact, reportFollowed } from '../../bedrock/flow/modules/facts';
import { importedInputCall } from '../../bedrock/flow/modules/input';
import { acrossModules } from './modules';

interface Ready {
  site: Site;
  /** Declarators whose InvokeModel type annotation must follow the migration. */
  annotated: AnyNode[];
  applyResponse(): void;
  applyRequest(): void;
}

const MARKER = 'InvokeModel call kept';

function run(ctx: CodemodContext): boolean {
  enableReferenceIndex(ctx.root);
  try {
    const migrated = migrate(ctx);
    return acrossModules(ctx) || migrated;
  } finally {
    disableReferenceIndex(ctx.root);
  }
}

function migrate(ctx: CodemodContext): boolean {
  const { j, root } = ctx;
  const bindings = findRuntimeBindings(j, root);
  // 1. The calls.
  const sites = findCallSites(j, root, bindings, INVOKE_MODEL);
  if (sites.length === 0) return false;

  // 2. One plan per call; a call without one is kept (with its marker, or untouched when it is not Claude's).
  const ready: Ready[] = [];
  let kept = 0;
  let gatewayChanged = false;
  for (const site of sites) {
    const plan = planSite(ctx, site, bindings);
    if (plan === 'routed') gatewayChanged = true;
    if (plan && plan !== 'routed' && plan !== 'kept') ready.push(plan);
    else kept++;
  }
  if (ready.length === 0) return gatewayChanged;

  // 3. Response rewrites first: the request rewrite then moves the (already rewritten) inner expressions.
  for (const r of ready) r.applyResponse();
  invalidateReferenceIndex(root);
  for (const r of ready) r.applyRequest();
  invalidateReferenceIndex(root);

  // 4. The calls switch to Converse.
  switchToConverse(ctx, bindings, ready);
  invalidateReferenceIndex(root);

  // 5. Type references follow only when nothing InvokeModel-shaped is left (a streaming call may share the input type).
  const streaming = findCommandConstructions(j, root, bindings, 'InvokeModelWithResponseStreamCommand').length > 0;
  if (kept === 0 && !streaming) renameTypes(ctx, bindings);
  followAnnotations(ctx, bindings, ready.flatMap((r) => r.annotated));
  invalidateReferenceIndex(root);
  removeRuntimeExportIfUnused(j, root, bindings, 'InvokeModelCommand');
  for (const old of OLD_TYPES) removeRuntimeExportIfUnused(j, root, bindings, old);
  for (const r of ready) ctx.note('InvokeModel → Converse', r.site.path);
  return true;
}

/**
 * The plan of one call, or undefined when the call is kept (ignored, not Claude's, a marked gateway, or not
 * mappable); 'routed' when a gateway send now goes through the run-time dispatch, 'kept' when it already did.
 */
function planSite(ctx: CodemodContext, site: Site, bindings: RuntimeBindings): Ready | 'routed' | 'kept' | undefined {
  if (ctx.isIgnored(site.path)) return undefined;
  // Titan, Llama, Cohere, … calls are not ours: no change, no marker. A gateway call is marked once.
  const family = siteFamily(ctx, site);
  if (family.kind === 'not-claude') return undefined;
  if (family.kind === 'mixed') {
    // One send for several families: Claude goes through Converse at run time (`--boundaries mark`: a marker).
    const gateway = ctx.options.boundaries === 'mark' ? undefined : convertGateway(ctx, bindings, { ...site, stream: false });
    if (gateway && 'done' in gateway) return gateway.done === 'converted' ? 'routed' : 'kept';
    const others = family.families.filter((f) => f !== CLAUDE).join(', ');
    const why = family.families.includes(CLAUDE) ? `Claude and other model families (${others})` : `several model families (${others}, Claude perhaps)`;
    ctx.marker(site.path, `${MARKER}: one call serves ${why}`);
    return undefined;
  }
  let result: Mapped<Ready>;
  try {
    result = analyze(ctx, site, bindings, family);
  } catch (error) {
    // Analysis only reads the tree: an unexpected shape leaves this call as it is, the file goes on.
    ctx.note(`InvokeModel call not analysed (${(error as Error).message}); left as it is`, site.path, 'kept');
    return undefined;
  }
  if ('reason' in result) {
    ctx.marker(site.path, `${MARKER}: ${result.reason}`);
    return undefined;
  }
  return result;
}

/** `new InvokeModelCommand(…)` → `new ConverseCommand(…)`, `client.invokeModel(…)` → `client.converse(…)`. */
function switchToConverse(ctx: CodemodContext, bindings: RuntimeBindings, ready: Ready[]): void {
  const { j, root } = ctx;
  const commandSites = ready.filter((r) => r.site.kind === 'command');
  if (commandSites.length > 0) {
    const converse = ensureRuntimeExport(j, root, bindings, 'ConverseCommand', { near: 'InvokeModelCommand' });
    for (const r of commandSites) {
      const node: AnyNode = r.site.path.node;
      if (node.callee.type === 'MemberExpression') node.callee.property = j.identifier('ConverseCommand');
      else node.callee = converse ? cloneShallow(converse) : j.identifier('ConverseCommand');
    }
  }
  for (const r of ready.filter((x) => x.site.kind === 'aggregated')) {
    (r.site.path.node as AnyNode).callee.property = j.identifier('converse');
  }
}

/** The model family the call's input names (see src/bedrock/family.ts). */
function siteFamily(ctx: CodemodContext, site: Site): FamilyVerdict {
  const node: AnyNode = site.path.node;
  if (node.arguments.length < 1) return { kind: 'unknown', families: [] };
  return callFamily(ctx.j, ctx.root, (site.path as AnyNode).get('arguments', 0));
}

/** Plans one call site; nothing is changed unless every part maps. */
function analyze(ctx: CodemodContext, site: Site, bindings: RuntimeBindings, family: FamilyVerdict): Mapped<Ready> {
  // Runner only: the whole input is built by another module's function, which now returns the Converse input.
  const imported = importedInputCall(ctx, site.path);
  if (imported) return 'reason' in imported ? imported : analyzeImportedInput(ctx, site, bindings, imported.fact);
  const inputPath = inputObjectPath(ctx, site);
  if ('reason' in inputPath) return inputPath;
  const sendPath = sendCallPath(ctx, site);
  if ('reason' in sendPath) return sendPath;

  // A first look at the request tells whether it is a Text Completions body (the response differs).
  const probe = mapInvokeRequest(ctx, inputPath.path, { passThroughContent: () => false, boundaries: ctx.options.boundaries === 'mark' ? 'mark' : 'convert' });
  const textCompletion = probe.ok && probe.textCompletion;
  const boundaries = ctx.options.boundaries === 'mark' ? 'mark' : 'convert';
  const response = planResponse(ctx, sendPath.path, textCompletion, { boundaries, typeRef: makeTypeRef(ctx, bindings) });
  // When both sides fail, the request's reason is the more fundamental one.
  if ('reason' in response) return probe.ok ? response : { reason: probe.reason };

  const accepted = new Set<AnyNode>();
  const typeRef = makeTypeRef(ctx, bindings);
  const request = mapInvokeRequest(ctx, inputPath.path, {
    boundaries,
    // A body that cannot be followed is converted whole only for a call known to be Claude's: its model ID
    // or guard says so, or the code after it reads the Anthropic message.
    wholeBody: family.kind === 'claude' || response.readsAnthropic,
    passThroughContent: (prop) => {
      if (!response.passThrough.has(prop)) return false;
      accepted.add(prop);
      return true;
    },
    typeRef,
  });
  if (!request.ok) return { reason: request.reason };
  for (const prop of response.passThrough) {
    if (!accepted.has(prop)) return { reason: 'the response content is pushed into an array that is not this request\'s history' };
  }
  return {
    site,
    annotated: [response.annotated, inputPath.declarator?.node].filter(Boolean),
    applyResponse: () => response.apply(),
    applyRequest: () => {
      request.apply();
      if (inputPath.declarator) stripInputAnnotation(ctx, inputPath.declarator, bindings);
    },
  };
}

/** A call whose input another module builds (it is rewritten there): only the response is planned here. */
function analyzeImportedInput(ctx: CodemodContext, site: Site, bindings: RuntimeBindings, fact: FunctionFact): Mapped<Ready> {
  const sendPath = sendCallPath(ctx, site);
  if ('reason' in sendPath) return sendPath;
  const boundaries = ctx.options.boundaries === 'mark' ? 'mark' : 'convert';
  const response = planResponse(ctx, sendPath.path, fact.textCompletion === true, { boundaries, typeRef: makeTypeRef(ctx, bindings) });
  if ('reason' in response) return response;
  if (response.passThrough.size > 0) return { reason: "the response content is pushed into an array that is not this request's history" };
  return {
    site,
    annotated: [response.annotated].filter(Boolean),
    applyResponse: () => response.apply(),
    applyRequest: () => reportFollowed(ctx, fact),
  };
}

const codemod: Codemod = { name: 'invoke-to-converse', run };

export default codemod;
