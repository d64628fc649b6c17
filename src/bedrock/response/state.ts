/**
 * The state one response analysis carries while it follows the result of an InvokeModel call: the rewrites
 * it plans (run in order by the plan's `apply()`), cleanups after them, and what it learnt on the way
 * (the response variable's name, helpers that return the parsed message, …). The per-use mappings in this
 * folder take it as `a`.
 */
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, invalidateReferenceIndex } from '../../ast/bedrock';
import { isTypeScriptFile } from '../typescript';

/** What a followed expression holds: the SDK output, its body bytes or text, the parsed Anthropic message or a part of it. */
export type Kind = 'response' | 'bytes' | 'text' | 'message' | 'blocks' | 'block' | 'usage' | 'stopReason';

/**
 * `sendPath` (planResponse) is the path of the `client.send(new InvokeModelCommand(...))` / `client.invokeModel(...)` call.
 * `textCompletion`: the request was a legacy Text Completions body, so `.completion` is the text.
 */
export interface ResponseOptions {
  /** `convert` (default): a parsed message that cannot be followed is converted back by `toAnthropicMessage`. */
  boundaries?: 'convert' | 'mark';
  /** Makes a runtime-module type reachable in TS files (for the helper's parameter type). */
  typeRef?: (exportName: string) => AnyNode | undefined;
}

export interface ResponsePlan {
  /** Runs the planned rewrites (call before the request rewrite: see ../request). */
  apply(): void;
  /** `content: <parsed>.content` properties of pushed history messages; the request side must take them. */
  passThrough: Set<AnyNode>;
  /** True when the response is never read (fire and forget). */
  unused: boolean;
  /** True when the code after the call reads the parsed Anthropic message (content, stop_reason, usage) and all of it maps. */
  readsAnthropic: boolean;
  /** `const response: InvokeModelCommandOutput = …`: the declarator whose annotation must follow. */
  annotated?: AnyNode;
}

export class ResponseAnalyzer {
  readonly j: CodemodContext['j'];
  readonly ts: boolean;
  rewrites: Array<() => void> = [];
  passThrough = new Set<AnyNode>();
  unused = false;
  annotated: AnyNode;
  /** How to write the response (`response` or the awaited call) where the parsed message was used. */
  responseName: string | undefined;
  /** Set when the response variable is introduced by the rewrite (`const { body } = …`): its scope. */
  freshScope: AnyNode;

  /** Set once the decode chain reaches `JSON.parse`: what failed after it is about the parsed message. */
  reachedMessage = false;

  /** `const decoder = new TextDecoder()` declarators the decode chain uses. */
  decoders: AnyNode[] = [];
  cleanups: Array<() => void> = [];

  /** Helper functions whose return value is the parsed message (`async function callClaude() { … return JSON.parse(…) }`). */
  helpers = new Set<AnyNode>();
  visitedHelpers = new Set<AnyNode>();
  /** `await helper(...)` expressions assigned to an already-tracked variable. */
  helperAssigned = new Set<AnyNode>();

  /** Paths of stop-reason values that must be widened to string in TS (applied after the rewrites). */
  widen: AnyNode[] = [];

  constructor(
    readonly ctx: CodemodContext,
    readonly textCompletion: boolean,
    /** The parsed message is replaced by `toAnthropicMessage(response)` instead of followed. */
    readonly boundary: boolean,
  ) {
    this.j = ctx.j;
    this.ts = isTypeScriptFile(ctx.file.path);
  }
}

/** Runs what an analysis planned: the rewrites, then the cleanups, then the TS widenings of stop reasons. */
export function applyPlanned(ctx: CodemodContext, a: ResponseAnalyzer): void {
  for (const r of a.rewrites) r();
  invalidateReferenceIndex(ctx.root);
  for (const c of a.cleanups) c();
  for (const w of a.widen) {
    const cast = ctx.j.tsAsExpression(w.node, ctx.j.tsStringKeyword());
    w.replace(w.parent?.node?.type === 'BinaryExpression' ? ctx.j.parenthesizedExpression(cast) : cast);
  }
}
