/**
 * refusal-stop-reason: makes Claude 4's `refusal` stop reason visible (reference §5).
 *
 * Runs last in the preset, so it sees both the Anthropic shape (InvokeModel body `stop_reason`,
 * AnthropicBedrock `message.stop_reason`, stream `message_delta.delta.stop_reason`) and the Converse shape
 * (`response.stopReason`, stream `messageStop.stopReason`). Converse has no `refusal` member: there,
 * `content_filtered` and the raw string "refusal" are both treated as a refusal (the real Converse value is
 * [uncertain] in the reference; `guardrail_intervened` is a Bedrock Guardrail, kept separate).
 *
 * Only files that import @aws-sdk/client-bedrock-runtime or an Anthropic SDK are touched. Code that already
 * mentions "refusal" is left alone, which also makes a second run a no-op.
 */
import type { Codemod } from '../../engine/types';
import { findFileApis } from './apis';
import { addGuards } from './guards';
import { addRefusalBranches, markStopReasonTernaries } from './if-chains';
import type { Run } from './resolve';
import { isTypeScriptFile } from './shared';
import { addRefusalCases } from './switches';
import { collectStopReasonTypes, extendEnums, extendUnions, markStopReasonMaps } from './type-members';

const codemod: Codemod = {
  name: 'refusal-stop-reason',
  run(ctx) {
    const apis = findFileApis(ctx.j, ctx.root, ctx.file.source);
    if (!apis) return false;
    const run: Run = { ctx, apis, ts: isTypeScriptFile(ctx.file.path), enums: new Map(), unions: new Map(), changed: false };

    // 1. Stop reasons as types and data: enums and unions get the member (before switches use it).
    collectStopReasonTypes(run);
    extendEnums(run);
    extendUnions(run);
    // 2. Branching on the stop reason: switch cases and if / else-if branches; ternaries get a marker.
    addRefusalCases(run);
    addRefusalBranches(run);
    markStopReasonTernaries(run);
    // 3. Text read with no stop-reason check in the function: a guard after the response.
    addGuards(run);
    // 4. Maps keyed by stop reason need a value only a person can choose.
    markStopReasonMaps(run);
    return run.changed;
  },
};

export default codemod;
