/**
 * The SDK types of a migrated call follow it: `InvokeModelCommandInput` → `ConverseCommandInput`, … in the whole
 * file when no InvokeModel call is left in it, else only on the migrated call's own annotations; and the type
 * imports the rewritten request needs (`Message`, `Tool`, `ConverseCommandInput`).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, type RuntimeBindings, ensureRuntimeExport, findTypeReferences, refersToExport } from '../../ast/bedrock';
import { isTypeScriptFile } from '../../bedrock/typescript';
import { INVOKE_MODEL_TYPES as TYPE_RENAMES } from '../../bedrock/vocabulary';

/** Type references created by the request rewrite (`Message`, `ConverseCommandInput`, `Tool`): added as type imports. */
export function makeTypeRef(ctx: CodemodContext, bindings: RuntimeBindings): (name: string) => AnyNode | undefined {
  return (name) => ensureRuntimeExport(ctx.j, ctx.root, bindings, name, { type: true, near: 'InvokeModelCommand' });
}

/** `const input: InvokeModelCommandInput = {...}`: the annotation is renamed with the other type references; others are dropped. */
export function stripInputAnnotation(ctx: CodemodContext, declarator: ASTPath, bindings: RuntimeBindings): void {
  const id: AnyNode = (declarator.node as AnyNode).id;
  const ann = id.typeAnnotation?.typeAnnotation;
  if (ann?.type === 'TSTypeReference' && Object.keys(TYPE_RENAMES).some((t) => refersToExport(bindings, ann.typeName, t))) return;
  // In TS the input needs the Converse type (an unannotated literal would widen `role` to string).
  const isTs = isTypeScriptFile(ctx.file.path);
  const type = isTs ? ensureRuntimeExport(ctx.j, ctx.root, bindings, 'ConverseCommandInput', { type: true, near: 'InvokeModelCommand' }) : undefined;
  if (type) id.typeAnnotation = ctx.j.tsTypeAnnotation(ctx.j.tsTypeReference(type));
  else if (ann) id.typeAnnotation = null;
}

/** InvokeModelCommandInput → ConverseCommandInput, … (only when no InvokeModel call is left in the file). */
export function renameTypes(ctx: CodemodContext, bindings: RuntimeBindings): void {
  const { j, root } = ctx;
  for (const [from, to] of Object.entries(TYPE_RENAMES)) {
    const refs = findTypeReferences(j, root, bindings, from);
    if (refs.length === 0) continue;
    const replacement = ensureRuntimeExport(j, root, bindings, to, { type: true, near: from });
    if (!replacement) continue;
    for (const r of refs) {
      const node: AnyNode = r.node;
      if (node.typeName.type === 'TSQualifiedName') node.typeName.right = j.identifier(to);
      else node.typeName = cloneShallow(replacement);
    }
  }
}

/**
 * Where the type references stayed (an InvokeModel call is left), a migrated call's own annotations
 * (`const input: InvokeModelCommandInput`, `const r: InvokeModelCommandOutput`) still follow it.
 */
export function followAnnotations(ctx: CodemodContext, bindings: RuntimeBindings, declarators: AnyNode[]): void {
  const { j, root } = ctx;
  for (const declarator of declarators) {
    const ann = declarator.id.typeAnnotation?.typeAnnotation;
    if (ann?.type !== 'TSTypeReference') continue;
    const from = Object.keys(TYPE_RENAMES).find((t) => refersToExport(bindings, ann.typeName, t));
    if (!from) continue;
    if (ann.typeName.type === 'TSQualifiedName') ann.typeName.right = j.identifier(TYPE_RENAMES[from]);
    else {
      const replacement = ensureRuntimeExport(j, root, bindings, TYPE_RENAMES[from], { type: true, near: from });
      if (replacement) ann.typeName = cloneShallow(replacement);
      else declarator.id.typeAnnotation = null;
    }
  }
}

/** The InvokeModel type names, for removing their imports once unused. */
export const OLD_TYPES = Object.keys(TYPE_RENAMES);

export function cloneShallow(n: AnyNode): AnyNode {
  return { ...n };
}
