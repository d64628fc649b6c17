/**
 * invoke-to-converse across modules (runner only; see src/bedrock/flow/modules/): what this module defines
 * or imports that the project index gave a verdict. A body builder it exports returns the Converse input
 * fields, an input builder the Converse input; awaited calls of an imported function that now returns the
 * Converse response read it. In the jscodeshift door (no facts) nothing happens here.
 */
import type { CodemodContext } from '../../engine/types';
import {
  type AnyNode,
  ensureRuntimeExport,
  findRuntimeBindings,
  invalidateReferenceIndex,
  refersToExport,
  removeRuntimeExportIfUnused,
} from '../../ast/bedrock';
import { migrateExportedBuilders } from '../../bedrock/flow/modules/body';
import { moduleFacts } from '../../bedrock/flow/modules/facts';
import { migrateExportedInputs } from '../../bedrock/flow/modules/input';
import { migrateImportedReaders } from '../../bedrock/flow/modules/message';
import { mapInvokeRequest } from '../../bedrock/request';
import { mapBodyObject } from '../../bedrock/request/across-modules';
import { planImportedMessageUses } from '../../bedrock/response/across-modules';

export function acrossModules(ctx: CodemodContext): boolean {
  if (!moduleFacts(ctx)) return false;
  invalidateReferenceIndex(ctx.root);
  const boundaries = ctx.options.boundaries === 'mark' ? 'mark' : 'convert';
  const typeRef = (name: string) => ensureTypeImport(ctx, name);
  const built = migrateExportedBuilders(ctx, (obj, at) => mapBodyObject(ctx, obj, at, { boundaries, typeRef }), () => typeRef('ConverseCommandInput'));
  invalidateReferenceIndex(ctx.root);
  const read = migrateImportedReaders(ctx, (uses) => planImportedMessageUses(ctx, uses));
  invalidateReferenceIndex(ctx.root);
  const bindings = findRuntimeBindings(ctx.j, ctx.root);
  const inputs = migrateExportedInputs(ctx, (objPath) => mapInvokeRequest(ctx, objPath, { boundaries, typeRef }), {
    isInvokeInput: (typeName) => refersToExport(bindings, typeName, 'InvokeModelCommandInput'),
    converseInput: () => ensureRuntimeExport(ctx.j, ctx.root, bindings, 'ConverseCommandInput', { type: true, near: 'InvokeModelCommandInput' }),
  });
  invalidateReferenceIndex(ctx.root);
  if (inputs) removeRuntimeExportIfUnused(ctx.j, ctx.root, bindings, 'InvokeModelCommandInput');
  return built || read || inputs;
}

/** A runtime type for a module that may not import the runtime yet: `import type { X } from "…"` is added. */
function ensureTypeImport(ctx: CodemodContext, name: string): AnyNode | undefined {
  if (!/\.[cm]?tsx?$/.test(ctx.file.path)) return undefined;
  const bindings = findRuntimeBindings(ctx.j, ctx.root);
  const found = ensureRuntimeExport(ctx.j, ctx.root, bindings, name, { type: true });
  if (found) return found;
  const { j } = ctx;
  const program: AnyNode = ctx.root.get().node.program ?? ctx.root.get().node;
  const declaration: AnyNode = j.importDeclaration([j.importSpecifier(j.identifier(name))], j.stringLiteral('@aws-sdk/client-bedrock-runtime'));
  declaration.importKind = 'type';
  const lastImport = program.body.map((s: AnyNode) => s.type).lastIndexOf('ImportDeclaration');
  program.body.splice(lastImport + 1, 0, declaration);
  return j.identifier(name);
}
