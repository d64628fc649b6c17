/**
 * Response side (API reference §3b): follows the result of `send(new InvokeModelCommand)` (or
 * `client.invokeModel(...)`) through the decode chain (../decode.ts) to every use of the parsed Anthropic
 * message, and plans the Converse rewrite of each use:
 *
 *   message.content            → response.output.message.content      (message.ts)
 *   message.stop_reason        → response.stopReason (same strings)   (stop-reason.ts)
 *   message.usage.input_tokens → response.usage.inputTokens           (usage.ts)
 *   block.type === "text"      → block.text !== undefined             (blocks.ts)
 *   block.id / name / input    → block.toolUse.toolUseId / name / input
 *
 * Either every use maps and the plan is returned, or the first use that does not map is reported and
 * nothing is changed (a call site is never half-migrated). With `--boundaries convert`, a parsed message
 * that goes on to code the run cannot rewrite is converted back by `toAnthropicMessage` where it is parsed.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { invalidateReferenceIndex } from '../../ast/bedrock';
import { ensureAnthropicHelper } from '../boundary/helpers';
import { Unmappable } from '../result';
import { isTypeScriptFile } from '../typescript';
import { fromSend } from './follow';
import { type ResponseOptions, type ResponsePlan, ResponseAnalyzer, applyPlanned } from './state';

export type { ResponseOptions, ResponsePlan } from './state';

/** Plans the rewrite of every use of the response of one send call, or gives the reason it cannot. */
export function planResponse(ctx: CodemodContext, sendPath: ASTPath, textCompletion: boolean, options: ResponseOptions = {}): ResponsePlan | { reason: string } {
  let a = new ResponseAnalyzer(ctx, textCompletion, false);
  let boundaryReason: string | undefined;
  try {
    fromSend(a, sendPath);
  } catch (e) {
    if (!(e instanceof Unmappable)) throw e;
    // The message is read in a way that cannot be mapped, or goes on to code the run cannot rewrite: with
    // `--boundaries convert` it is converted back to the Anthropic shape where it is parsed.
    if (options.boundaries === 'mark' || !a.reachedMessage || textCompletion) return { reason: e.message };
    const b = new ResponseAnalyzer(ctx, textCompletion, true);
    try {
      fromSend(b, sendPath);
    } catch (e2) {
      if (e2 instanceof Unmappable) return { reason: e.message };
      throw e2;
    }
    a = b;
    boundaryReason = e.message;
  }
  const analyzer = a;
  return {
    apply: () => {
      applyPlanned(ctx, analyzer);
      if (boundaryReason !== undefined) {
        ensureAnthropicHelper(ctx, isTypeScriptFile(ctx.file.path) ? options.typeRef : undefined);
        ctx.note(`the response is converted back to the Anthropic message shape by toAnthropicMessage (${boundaryReason}); it has no id, model or stop_sequence`, sendPath, 'boundary');
      }
      invalidateReferenceIndex(ctx.root);
    },
    passThrough: analyzer.passThrough,
    unused: analyzer.unused,
    readsAnthropic: analyzer.reachedMessage && boundaryReason === undefined,
    annotated: analyzer.annotated,
  };
}

