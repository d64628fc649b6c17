/**
 * A response returned by a function of one module and read in another (runner only, see facts.ts):
 *
 *   // claude.ts                                        // route.ts
 *   export async function askClaude(q) {                import { askClaude } from './claude';
 *     const response = await client.send(…);            const msg = await askClaude(q);
 *     return JSON.parse(decode(response.body));         res.send(msg.content[0].text);
 *   }
 *
 * With the verdict `follow`, `askClaude` returns the Converse response and the readers read it
 * (`msg.output.message.content[0].text`); otherwise the defining module converts it back at the
 * boundary (`toAnthropicMessage`) as it does without the runner.
 *
 * API (stable): `exportedMessageSource(ctx, name)`, `isExportReference(path)`,
 * `migrateImportedReaders(ctx, plan)` (`plan` is the response mapping of the codemod).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../../engine/types';
import type { AnyNode } from '../../../ast/bedrock';
import { RESPONSE_RETURNED } from './crossing';
import { isModuleBinding } from './functions';
import { type FunctionFact, boundaryFact, boundaryReason, exportedFact, importedFact, moduleFacts, relativeModule, reportFollowed } from './facts';

/** The `follow` fact of a function this module exports that returns the parsed message. */
export function exportedMessageSource(ctx: CodemodContext, name: string): FunctionFact | undefined {
  return exportedFact(ctx, name, 'message-source');
}

/** Why the runner keeps the boundary for a message source this module exports (undefined: it does not say). */
export function messageSourceBoundary(ctx: CodemodContext, name: string): string | undefined {
  const fact = boundaryFact(ctx, name, 'message-source', 'exported');
  return fact ? `${RESPONSE_RETURNED} "${name}", ${boundaryReason(ctx, fact)}` : undefined;
}

/** `export { name }`, `module.exports = { name }`, `exports.x = name`, `module.exports.x = name`. */
export function isExportReference(path: ASTPath): boolean {
  const p: AnyNode = path;
  const parent: AnyNode = p.parent?.node;
  if (!parent) return false;
  if (parent.type === 'ExportSpecifier') return true;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === p.node) {
    const object: AnyNode = p.parent.parent;
    return object?.node.type === 'ObjectExpression' && isExportsTarget(object.parent?.node, object.node);
  }
  return isExportsTarget(parent, p.node);
}

function isExportsTarget(assignment: AnyNode, value: AnyNode): boolean {
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== value) return false;
  const left = assignment.left;
  const isModuleExports = (n: AnyNode) => n?.type === 'MemberExpression' && n.object.name === 'module' && n.property.name === 'exports';
  if (isModuleExports(left)) return true;
  return left.type === 'MemberExpression' && ((left.object.type === 'Identifier' && left.object.name === 'exports') || isModuleExports(left.object));
}

/** In the defining module: the function now returns the Converse response; the report says to whom. */
export function followedMessageSource(ctx: CodemodContext, fact: FunctionFact, at: ASTPath): void {
  const callers = Object.keys(fact.callers).map((f) => relativeModule(ctx.file.path, f));
  ctx.note(`"${fact.exportName}" now returns the Converse response instead of the parsed Anthropic message; its callers (${callers.join(', ')}) read it`, at);
  reportFollowed(ctx, fact);
}

export type MessageUsesPlan = (uses: ASTPath[]) => { apply(): void } | { reason: string };

/**
 * In a module that awaits an imported message source: every call's value is followed as the Converse
 * response. All calls of one function in this module map, or none is touched (the runner then keeps the
 * boundary in the defining module).
 */
export function migrateImportedReaders(ctx: CodemodContext, plan: MessageUsesPlan): boolean {
  const facts = moduleFacts(ctx);
  if (!facts) return false;
  const { j, root } = ctx;
  let changed = false;
  for (const local of Object.keys(facts.imported)) {
    const fact = importedFact(ctx, local, 'message-source');
    if (!fact) continue;
    const uses: ASTPath[] = [];
    let unfollowable = false;
    root.find(j.CallExpression, { callee: { type: 'Identifier', name: local } } as never).forEach((c: AnyNode) => {
      if (!isModuleBinding(c, local)) return;
      const awaited: AnyNode = c.parent;
      if (awaited.node.type !== 'AwaitExpression') {
        unfollowable = true;
        return;
      }
      uses.push(awaited);
    });
    if (unfollowable || uses.length === 0) continue;
    const planned = plan(uses);
    if ('reason' in planned) {
      ctx.note(`the message "${local}" returns is read in a way that cannot be followed here (${planned.reason}); it stays in the Anthropic shape`, uses[0], 'kept');
      continue;
    }
    planned.apply();
    ctx.note(`"${local}" (${relativeModule(ctx.file.path, fact.file)}) now returns the Converse response; its reads here follow it`, uses[0]);
    for (let i = 0; i < uses.length; i++) reportFollowed(ctx, fact);
    changed = true;
  }
  return changed;
}
