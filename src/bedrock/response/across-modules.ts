/**
 * Runner only (across modules; see ../flow/modules/): the awaited calls, in this module, of a function another
 * module defines that now returns the Converse response (`const msg = await askClaude(q)`): every use of each
 * must map, or nothing changes.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { invalidateReferenceIndex } from '../../ast/bedrock';
import { Unmappable } from '../result';
import { use } from './follow';
import { ResponseAnalyzer } from './state';

export function planImportedMessageUses(ctx: CodemodContext, uses: ASTPath[]): { apply(): void } | { reason: string } {
  const a = new ResponseAnalyzer(ctx, false, false);
  try {
    for (const u of uses) use(a, u, 'message');
  } catch (e) {
    if (e instanceof Unmappable) return { reason: e.message };
    throw e;
  }
  return {
    apply() {
      for (const r of a.rewrites) r();
      invalidateReferenceIndex(ctx.root);
      for (const c of a.cleanups) c();
      for (const w of a.widen) {
        const cast = ctx.j.tsAsExpression(w.node, ctx.j.tsStringKeyword());
        w.replace(w.parent?.node?.type === 'BinaryExpression' ? ctx.j.parenthesizedExpression(cast) : cast);
      }
      invalidateReferenceIndex(ctx.root);
    },
  };
}
