/**
 * Gateways: one send serves Claude and other model families, the model ID and body chosen at run time
 * (`if (modelId.startsWith('anthropic.'))` branches, provider maps, a class with a shared send). Such a send is
 * converted at a boundary: `client.send(command, options)` → `sendViaClaudeMessages(client, command, options)`
 * (and `client.invokeModel(input)` → `invokeModelViaClaudeMessages(client, input)`), a helper written once per
 * file (src/bedrock/boundary/messages-gateway.ts) that sends Claude Messages bodies for the models the Messages
 * API on Bedrock serves there and everything else unchanged.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import { ensureRuntimeExport, findRuntimeBindings, getProperty, type AnyNode } from '../../ast/bedrock';
import { ensureBoundaryHelper, INVOKE_TYPE_NAMES, lazyTypeNames } from '../../bedrock/boundary/insert';
import { GATEWAY_HELPERS, gatewayHelperDependencies, gatewayHelperSource, type GatewayTypes } from '../../bedrock/boundary/messages-gateway';
import type { FamilyVerdict } from '../../bedrock/family';
import type { CodemodContext } from '../../engine/types';
import { PROFILE_PREFIXES } from '../../models';
import { ensureMantleImport, mantleClassName } from './client';
import type { Site } from './sites';
import { IGNORED_BETAS, MAX_NONSTREAMING_TOKENS, servedModels } from './surface';

export type GatewayResult = { ok: true; helper: string } | { ok: false; why: string };

/** A send whose model and body are known only at run time, for a call that may be Claude's. */
export function gatewayCandidate(family: FamilyVerdict, source: string): boolean {
  if (family.kind === 'mixed' || family.kind === 'claude') return true;
  return family.kind === 'unknown' && /anthropic_version|anthropic\.claude/.test(source);
}

/**
 * Why no Claude Messages body can reach the send, or undefined: every Claude body the file builds (an object
 * literal with `anthropic_version`) is a Text Completions body (`prompt`), none a Messages body.
 */
export function unreachable(j: JSCodeshift, root: Collection): string | undefined {
  const bodies = root.find(j.ObjectExpression).filter((p) => !!getProperty(p.node as AnyNode, 'anthropic_version')).nodes() as AnyNode[];
  if (bodies.length === 0 || bodies.some((b) => getProperty(b, 'messages'))) return undefined;
  if (bodies.every((b) => getProperty(b, 'prompt'))) return 'its Claude bodies are Text Completions (prompt), which the Messages API does not serve';
  return undefined;
}

const METHOD_HELPERS: Record<string, string> = {
  invokeModel: GATEWAY_HELPERS.invokeModel,
  invokeModelWithResponseStream: GATEWAY_HELPERS.invokeModelStream,
};

/** Is `node` a call of one of the helpers (a send converted by an earlier run)? */
export function isGatewayCall(node: AnyNode): boolean {
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && (Object.values(GATEWAY_HELPERS) as string[]).includes(node.callee.name);
}

function typesFor(ctx: CodemodContext): GatewayTypes | undefined {
  if (!/\.[cm]?tsx?$/.test(ctx.file.path)) return undefined;
  const ref = (name: string) => {
    const node = ensureRuntimeExport(ctx.j, ctx.root, findRuntimeBindings(ctx.j, ctx.root), name, { type: true, near: 'InvokeModelCommand' });
    return node ? ctx.j(node).toSource() : name;
  };
  // Getters: only the types the written helpers name are imported.
  return lazyTypeNames(INVOKE_TYPE_NAMES, ref);
}

/** Replaces the site's send with the helper call and writes the helper into the file. */
export function convertAtGateway(ctx: CodemodContext, site: Site): GatewayResult {
  const { j } = ctx;
  const call: AnyNode = site.call!.node;
  const callee = call.callee;
  const method: string | undefined = callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : undefined;
  const helper = method === 'send' ? (site.kind === 'stream' ? GATEWAY_HELPERS.sendStream : GATEWAY_HELPERS.send) : method ? METHOD_HELPERS[method] : undefined;
  if (!helper) return { ok: false, why: 'the send is not a client method call' };
  const args: AnyNode[] = call.arguments;
  if (args.length === 0 || args.length > 2 || args.some((a) => a.type === 'SpreadElement')) return { ok: false, why: 'the send takes a callback or spread arguments' };
  if (args[1] && /Function/.test(args[1].type)) return { ok: false, why: 'the send takes a callback' };
  const mantleClass = mantleClassName(j, ctx.root);
  const options = {
    models: servedModels(),
    profilePrefixes: PROFILE_PREFIXES,
    ignoredBetas: [...IGNORED_BETAS],
    maxNonStreamingTokens: MAX_NONSTREAMING_TOKENS,
    mantleClass,
    types: typesFor(ctx),
  };
  ensureBoundaryHelper(ctx, helper, (name) => gatewayHelperSource(name, options), gatewayHelperDependencies);
  // After the helpers' type imports, so the runtime import is reprinted before the new one is added.
  ensureMantleImport(j, ctx.root, ctx.style.quote);
  // The call node stays (its arguments keep their text): the client becomes the first argument.
  call.callee = j.identifier(helper);
  call.arguments = [callee.object, ...args];
  return { ok: true, helper };
}
