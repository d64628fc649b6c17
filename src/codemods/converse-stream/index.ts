/**
 * converse-stream: InvokeModelWithResponseStream + its chunk loop → ConverseStream + its stream events.
 *
 * For each `new InvokeModelWithResponseStreamCommand(input)` (every import style) and each aggregated
 * `client.invokeModelWithResponseStream(input)`:
 *   1. follow it to the response and the one `for await` loop over `response.body` (call-site.ts);
 *   2. read the loop: the chunk decode, the error checks, every event-type branch (loop.ts, events.ts);
 *   3. map the request with invoke-to-converse's request mapping (the same rules as InvokeModel).
 * Only when all three succeed is anything changed — request and loop move together or not at all;
 * otherwise the call keeps InvokeModelWithResponseStream and gets one marker saying why.
 */
import type { ASTPath } from 'jscodeshift';
import type { Codemod, CodemodContext } from '../../engine/types';
import {
  ensureRuntimeExport,
  findAggregatedCalls,
  findCommandConstructions,
  findRuntimeBindings,
  localNamesOf,
  removeRuntimeExportIfUnused,
  type AnyNode,
  type RuntimeBindings,
} from '../../ast/bedrock';
import { anchorPath, MARKER_PREFIX } from '../../ast/markers';
import { mapInvokeRequest } from '../../bedrock/request';
import { CLAUDE, callFamily } from '../../bedrock/family';
import { streamCallFamily } from '../../bedrock/stream/family';
import { convertGateway } from '../../bedrock/gateway';
import { isTypeScriptFile } from '../../bedrock/typescript';
import { findSite, peekInput, type StreamSite } from './call-site';
import { planLoop } from './loop';

const COMMAND = 'InvokeModelWithResponseStreamCommand';
const METHOD = 'invokeModelWithResponseStream';
const OLD_TYPES = ['InvokeModelWithResponseStreamCommandInput', 'InvokeModelWithResponseStreamCommandOutput', 'ResponseStream'];

const KEPT = 'kept on InvokeModelWithResponseStream:';
const keep = (reason: string) => `${KEPT} ${reason}`;

/**
 * One marker per call: when the call already carries one from an earlier run (whose reason may read
 * differently now, for example after refusal-stop-reason added a check to the loop), none is added.
 */
function markKept(ctx: CodemodContext, at: ASTPath, reason: string): void {
  const anchor = anchorPath(ctx.j, at).node as AnyNode;
  const marked = (anchor.comments ?? []).some((c: AnyNode) => String(c.value).includes(`${MARKER_PREFIX} ${KEPT}`));
  if (!marked) ctx.marker(at, keep(reason));
}

const codemod: Codemod = {
  name: 'converse-stream',
  run(ctx) {
    const { j, root } = ctx;
    const bindings = findRuntimeBindings(j, root);
    if (bindings.imports.length === 0) return false;
    const ts = isTypeScriptFile(ctx.file.path);
    const calls: Array<{ at: ASTPath; aggregated: boolean }> = [
      ...findCommandConstructions(j, root, bindings, COMMAND).map((at) => ({ at, aggregated: false })),
      ...findAggregatedCalls(j, root, bindings, METHOD).map((at) => ({ at, aggregated: true })),
    ];
    let changed = false;
    for (const { at, aggregated } of calls) {
      if (ctx.isIgnored(at)) continue;
      // Not Claude, not touched: no change and no marker. A gateway serving several families is marked once.
      const family = callFamily(j, root, (at as AnyNode).get('arguments', 0));
      if (family.kind === 'not-claude') continue;
      if (family.kind === 'mixed') {
        // One send for several families: Claude goes through ConverseStream at run time (`--boundaries mark`: a marker).
        const gateway = ctx.options.boundaries === 'mark' ? undefined : convertGateway(ctx, bindings, { path: at, kind: aggregated ? 'aggregated' : 'command', stream: true });
        if (gateway && 'done' in gateway) {
          changed ||= gateway.done === 'converted';
          continue;
        }
        markKept(ctx, at, `one call serves Claude and other model families (${family.families.filter((f) => f !== CLAUDE).join(', ')})`);
        continue;
      }
      // Bodies built by same-class methods, which the shared verdict does not follow yet.
      const input = family.kind === 'unknown' ? peekInput(ctx, at) : undefined;
      const local = input ? streamCallFamily(j, root, input) : undefined;
      if (local?.kind === 'other') continue;
      if (local?.kind === 'gateway') {
        markKept(ctx, at, local.reason);
        continue;
      }
      const site = findSite(ctx, at, aggregated);
      if ('reason' in site) {
        markKept(ctx, at, site.reason);
        continue;
      }
      if (ctx.isIgnored(site.loop)) continue;
      if (!aggregated && !canImport(bindings)) {
        markKept(ctx, at, 'there is no import of @aws-sdk/client-bedrock-runtime that ConverseStreamCommand can be added to');
        continue;
      }
      const loop = planLoop(ctx, site.loop, ts, (name) => ensureRuntimeExport(j, root, bindings, name, { type: true, near: COMMAND }));
      if ('reason' in loop) {
        markKept(ctx, at, loop.reason);
        continue;
      }
      // typeRef lets the request mapping give rewritten TS histories, tool arrays and helpers their Converse types.
      // Messages, system and tools from code the run cannot follow (parameters of exported functions, HTTP
      // bodies) are converted where they enter the request (`--boundaries convert`, the default).
      const request = mapInvokeRequest(ctx, site.input as ASTPath, {
        boundaries: (ctx.options as { boundaries?: string }).boundaries === 'mark' ? 'mark' : 'convert',
        typeRef: (name) => ensureRuntimeExport(j, root, bindings, name, { type: true, near: COMMAND }),
      });
      if (!request.ok) {
        markKept(ctx, at, request.reason);
        continue;
      }
      loop.apply();
      request.apply();
      switchToConverseStream(ctx, bindings, site, aggregated);
      ctx.note('InvokeModelWithResponseStream → ConverseStream (request and stream loop)', at);
      changed = true;
    }
    if (changed) {
      for (const name of [COMMAND, ...OLD_TYPES]) removeRuntimeExportIfUnused(j, root, bindings, name);
    }
    return changed;
  },
};

/** Whether `ensureRuntimeExport` will find a place for ConverseStreamCommand (checked before any change). */
function canImport(bindings: RuntimeBindings): boolean {
  if (localNamesOf(bindings, 'ConverseStreamCommand').length > 0 || bindings.namespaces.size > 0) return true;
  return bindings.imports.some((imp) => {
    const n: AnyNode = imp.path.node;
    if (imp.kind === 'esm') return !imp.typeOnly && (n.specifiers ?? []).every((sp: AnyNode) => sp.type === 'ImportSpecifier');
    return (imp.kind === 'require' || imp.kind === 'dynamic') && n.id?.type === 'ObjectPattern';
  });
}

function switchToConverseStream(ctx: CodemodContext, bindings: RuntimeBindings, site: StreamSite, aggregated: boolean): void {
  const { j, root } = ctx;
  const call: AnyNode = site.at.node;
  if (aggregated) {
    call.callee.property = j.identifier('converseStream');
    call.callee.computed = false;
  } else {
    call.callee = ensureRuntimeExport(j, root, bindings, 'ConverseStreamCommand', { near: COMMAND });
  }
  for (const read of site.bodyReads) {
    const member: AnyNode = read.node;
    member.property = j.identifier('stream');
    member.computed = false;
  }
  if (site.bodyPattern) {
    const prop: AnyNode = site.bodyPattern.node;
    prop.key = j.identifier('stream');
    prop.shorthand = false;
  }
  for (const cast of site.casts) cast.replace((cast.node as AnyNode).expression);
  for (const { path, to } of site.typeRefs) {
    (path.node as AnyNode).typeName = ensureRuntimeExport(j, root, bindings, to, { type: true, near: 'ConverseStreamCommand' });
  }
}

export default codemod;
