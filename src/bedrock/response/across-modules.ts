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
import { ResponseAnalyzer, applyPlanned } from './state';

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
      applyPlanned(ctx, a);
      invalidateReferenceIndex(ctx.root);
    },
  };
}
