/**
 * What each target model accepts in a request, as data (fact sheet §8). The codemods consult these rules
 * before they emit a request, and the test stub enforces the same rules, so an equivalence test fails where
 * Bedrock would answer 400.
 */
import type { ModelInfo, SamplingRule, ThinkingMode } from './catalog';

/** The extended-thinking budget floor: `budget_tokens` ≥ 1,024 (§8, manual mode). */
export const MIN_THINKING_BUDGET = 1024;

/** The beta flag for interleaved thinking in tool loops (§1b). */
export const INTERLEAVED_THINKING_BETA = 'interleaved-thinking-2025-05-14';

/** `top_p` with thinking on must be within 0.95–1 (§8). */
export const THINKING_MIN_TOP_P = 0.95;

export type PrefillRule = 'accepted' | 'rejected';

/**
 * How a model takes interleaved thinking (thinking between tool calls) with `thinking.type: "enabled"`:
 * - `beta`: with the `interleaved-thinking-2025-05-14` flag in `anthropic_beta`;
 * - `deprecated`: the flag is deprecated (Opus 4.6, §8); adaptive thinking interleaves without it;
 * - `none`: no interleaved thinking (no thinking, or only adaptive thinking).
 */
export type InterleavedRule = 'beta' | 'deprecated' | 'none';

export interface RequestRules {
  sampling: SamplingRule;
  thinking: readonly ThinkingMode[];
  prefill: PrefillRule;
  interleaved: InterleavedRule;
  source: string;
}

/**
 * Prefill: "Assistant prefill (last assistant turn) → 400: Opus 4.6 and later (and with thinking on any
 * model)" (§8, ADOCS whats-new-claude-4-6, migration-guide). The migration guide names Sonnet 4.6 too
 * ("Prefilling assistant messages returns a 400 error on Sonnet 4.6"), so every 4.6-or-later model counts.
 */
const PREFILL_REJECTED_FROM = '4.6';
/** Claude 4 models take interleaved thinking with the beta flag; it is deprecated from 4.6 on (§8). */
const INTERLEAVED_BETA_FROM = '4';
const INTERLEAVED_DEPRECATED_FROM = '4.6';
const SOURCE = 'fact sheet §8 (ADOCS whats-new-claude-4-6, whats-new-claude-4-7, migration-guide, extended-thinking)';

/** Compares dotted versions numerically: "4.10" > "4.6" > "4". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const atLeast = (model: ModelInfo, version: string): boolean => compareVersions(model.version, version) >= 0;

/** The request rules of one model. */
export function rulesFor(model: ModelInfo): RequestRules {
  const thinking = model.constraints.thinking;
  let interleaved: InterleavedRule = 'none';
  if (thinking.includes('enabled') && atLeast(model, INTERLEAVED_BETA_FROM)) {
    interleaved = atLeast(model, INTERLEAVED_DEPRECATED_FROM) ? 'deprecated' : 'beta';
  }
  return {
    sampling: model.constraints.sampling,
    thinking,
    prefill: atLeast(model, PREFILL_REJECTED_FROM) ? 'rejected' : 'accepted',
    interleaved,
    source: SOURCE,
  };
}

/** Whether a model accepts a request whose last message is an assistant turn (a prefill). */
export function acceptsPrefill(model: ModelInfo): boolean {
  return rulesFor(model).prefill === 'accepted';
}

/** The thinking request a `--thinking` setting becomes on a target, or why it cannot be sent there. */
export type ThinkingForm =
  | { ok: true; type: 'enabled'; budget: number }
  | { ok: true; type: 'adaptive'; /** The budget asked for, which adaptive thinking has no slot for. */ droppedBudget: number | null }
  | { ok: false; reason: string };

/** `enabled` + budget where the target accepts it, else `adaptive`; nothing where the target has no thinking. */
export function thinkingFormFor(model: ModelInfo, setting: number | 'adaptive'): ThinkingForm {
  const modes = model.constraints.thinking;
  if (setting === 'adaptive') {
    if (modes.includes('adaptive')) return { ok: true, type: 'adaptive', droppedBudget: null };
    if (modes.includes('enabled')) return { ok: false, reason: `${model.name} has no adaptive thinking; give a budget (--thinking <tokens>)` };
    return { ok: false, reason: `${model.name} has no extended thinking` };
  }
  if (modes.includes('enabled')) return { ok: true, type: 'enabled', budget: setting };
  if (modes.includes('adaptive')) return { ok: true, type: 'adaptive', droppedBudget: setting };
  return { ok: false, reason: `${model.name} has no extended thinking` };
}
