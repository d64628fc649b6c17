/**
 * A whole InvokeModel input built in one module and sent in another (runner only, see facts.ts):
 *
 *   // requests.ts                                       // chat.ts
 *   export function summaryInput(text): InvokeModelCommandInput {   import { summaryInput } from './requests';
 *     return { modelId, contentType, body: JSON.stringify({…}) };   client.send(new InvokeModelCommand(summaryInput(t)))
 *   }
 *
 * With the verdict `follow`, the builder returns the Converse input (`ConverseCommandInput` in TS) and the
 * call becomes `new ConverseCommand(summaryInput(t))`, its response handling migrated as usual.
 *
 * API (stable): `importedInputCall(ctx, sitePath)` (the sending side), `migrateExportedInputs(ctx, map, types)`
 * (the defining side; `map` is the codemod's request mapping of an input object).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../../engine/types';
import { type AnyNode, unwrapExpression } from '../../../ast/bedrock';
import { callFamily } from '../../family';
import { type FunctionFact, boundaryFact, boundaryReason, importedFact, moduleFacts, relativeModule, reportFollowed } from './facts';
import { followedExports, isModuleBinding } from './functions';

/** `new InvokeModelCommand(build(…))` / `x.invokeModel(build(…))` with `build` an imported input builder. */
export function importedInputCall(ctx: CodemodContext, sitePath: ASTPath): { fact: FunctionFact } | { reason: string } | undefined {
  if (!moduleFacts(ctx)) return undefined;
  const arg = unwrapExpression((sitePath.node as AnyNode).arguments?.[0]);
  if (arg?.type !== 'CallExpression' || arg.callee.type !== 'Identifier' || !isModuleBinding(sitePath, arg.callee.name)) return undefined;
  const name: string = arg.callee.name;
  const kept = boundaryFact(ctx, name, 'input-builder', 'imported');
  if (kept) return { reason: `the input from ${name}() in ${relativeModule(ctx.file.path, kept.file)}, ${boundaryReason(ctx, kept)}` };
  const fact = importedFact(ctx, name, 'input-builder');
  return fact ? { fact } : undefined;
}

export type InputMapping = (objPath: ASTPath) => { ok: true; apply(): void; textCompletion: boolean } | { ok: false; reason: string };

export interface InputTypes {
  /** Whether the return type annotation names `InvokeModelCommandInput` (from the runtime module). */
  isInvokeInput(typeName: AnyNode): boolean;
  /** The `ConverseCommandInput` type node to write instead. */
  converseInput(): AnyNode | undefined;
}

/**
 * Rewrites every exported input builder this module defines whose verdict is `follow`: its one returned
 * object literal becomes the Converse input. A builder whose input does not map, or that is not Claude's,
 * stays as it is (the runner then keeps the boundary).
 */
export function migrateExportedInputs(ctx: CodemodContext, map: InputMapping, types: InputTypes): boolean {
  const facts = moduleFacts(ctx);
  if (!facts) return false;
  let changed = false;
  for (const { fact, fn, ret } of followedExports(ctx, 'input-builder')) {
    const node: AnyNode = fn.node;
    let objPath: AnyNode = ret.path;
    while (['TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression'].includes(objPath.node.type)) objPath = objPath.get('expression');
    if (objPath.node.type !== 'ObjectExpression') continue;
    const returnType = node.returnType?.typeAnnotation;
    const typed = returnType?.type === 'TSTypeReference' && types.isInvokeInput(returnType.typeName);
    if (returnType && !typed) continue;
    if (callFamily(ctx.j, ctx.root, objPath).kind === 'not-claude') continue;
    const mapped = map(objPath);
    if (!mapped.ok || mapped.textCompletion !== (fact.textCompletion === true)) continue;
    mapped.apply();
    if (typed) {
      const t = types.converseInput();
      if (t) returnType.typeName = t;
      else node.returnType = null;
    }
    const callers = Object.keys(fact.callers).map((f) => relativeModule(ctx.file.path, f));
    ctx.note(`"${fact.exportName}" now returns a Converse input; its callers (${callers.join(', ')}) send it with ConverseCommand`, fn);
    reportFollowed(ctx, fact);
    changed = true;
  }
  return changed;
}
