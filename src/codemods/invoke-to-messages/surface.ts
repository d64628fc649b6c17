/**
 * The Messages API on Bedrock ("Claude in Amazon Bedrock", bedrock-mantle): which models it serves, under which
 * ID, and the request rules of the API version its SDK sends.
 *
 * Facts (shared/reference/bedrock-claude-api.md):
 * - §7c: the surface is `bedrock-mantle.{region}.api.aws/anthropic/v1/messages`, for "Opus 4.7 and later";
 *   the `anthropic-beta` header is not supported there.
 * - §9 (Mantle client): its model IDs look like `anthropic.claude-opus-4-7`, with no profile prefix.
 * - §7b: Haiku 4.5's mantle ID is `anthropic.claude-haiku-4-5`; Opus 4.7 lists "Messages (bedrock-mantle) ✓";
 *   Opus 4.8 and Opus 5 / Sonnet 5 / Fable 5 are served on the Messages endpoint. Newer models (Sonnet 5.5,
 *   …) are [uncertain] there and are not listed.
 * - §8/§9: `@anthropic-ai/bedrock-sdk` 1.x brings `@anthropic-ai/sdk` 1.x, which sends API version
 *   `2026-10-21`: `temperature`, `top_p`, `top_k` are rejected even at their defaults.
 */
import { lookupBaseId, parseModelId, type ModelInfo } from '../../models';

/** Base ID in the catalog → the ID the Messages API on Bedrock takes. */
const MANTLE_IDS: Readonly<Record<string, string>> = {
  'anthropic.claude-haiku-4-5-20251001-v1:0': 'anthropic.claude-haiku-4-5',
  'anthropic.claude-opus-4-7': 'anthropic.claude-opus-4-7',
  'anthropic.claude-opus-4-8': 'anthropic.claude-opus-4-8',
  'anthropic.claude-sonnet-5': 'anthropic.claude-sonnet-5',
  'anthropic.claude-opus-5': 'anthropic.claude-opus-5',
  'anthropic.claude-fable-5': 'anthropic.claude-fable-5',
};

/** The package and version that provide `AnthropicBedrockMantle` (installed and read: src/mantle-client.ts). */
export const MANTLE_PACKAGE = '@anthropic-ai/bedrock-sdk';
export const MANTLE_PACKAGE_RANGE = '^1.1.3';
export const MANTLE_API_VERSION = '2026-10-21';

/** Sampling parameters the `2026-10-21` API version rejects (§8). */
export const SAMPLING_KEYS = ['temperature', 'top_p', 'top_k'] as const;

/**
 * Beta flags that newer models ignore and that are to be removed (§8: `token-efficient-tools-2025-02-19` and
 * `output-128k-2025-02-19` are 3.7-only). Every model the surface serves is 4.5 or later.
 */
export const IGNORED_BETAS = new Set(['token-efficient-tools-2025-02-19', 'output-128k-2025-02-19']);

export type MantleModel =
  | { ok: true; id: string; model: ModelInfo; changed: boolean; dropped?: string }
  | { ok: false; why: string };

/** The mantle ID for a model ID written for bedrock-runtime, or why the surface does not serve it. */
export function mantleModel(text: string): MantleModel {
  const parsed = parseModelId(text);
  if (!parsed) return { ok: false, why: `model ID "${text}" is not a Claude model ID` };
  if (parsed.kind === 'application-inference-profile-arn') {
    return { ok: false, why: 'an application inference profile has no Messages API (mantle) ID' };
  }
  if (!parsed.model) return { ok: false, why: `model "${text}" is not in the catalog` };
  const id = MANTLE_IDS[parsed.model.id];
  if (!id) return { ok: false, why: `${parsed.model.name} is not served by the Messages API on Bedrock` };
  const dropped = parsed.kind === 'profile' || parsed.kind === 'inference-profile-arn' ? `inference profile ${parsed.prefix}` : parsed.kind === 'foundation-model-arn' ? 'the ARN form' : undefined;
  return { ok: true, id, model: parsed.model, changed: id !== text, ...(dropped ? { dropped } : {}) };
}

/** Assistant prefill (a last assistant turn) → 400 on Opus 4.6 and later (§8). */
export function rejectsPrefill(model: ModelInfo): boolean {
  return model.family === 'opus' || model.family === 'fable' || Number(model.version) >= 4.6;
}

/** The SDK refuses a non-streaming request whose `max_tokens` could take longer than 10 minutes. */
export const MAX_NONSTREAMING_TOKENS = 21_333;

/**
 * Every model the surface serves, with each ID bedrock-runtime code writes for it (base ID and other IDs; profile
 * prefixes and ARNs are stripped at run time), its mantle ID and the request rules a run-time dispatch checks.
 */
export function servedModels(): Array<{ ids: string[]; mantleId: string; thinking: string[]; prefill: boolean }> {
  return Object.entries(MANTLE_IDS).map(([baseId, mantleId]) => {
    const model = lookupBaseId(baseId)!.model;
    return {
      ids: [...new Set([model.id, ...model.otherIds])],
      mantleId,
      thinking: [...model.constraints.thinking],
      prefill: !rejectsPrefill(model),
    };
  });
}
