import type { CodemodOptions, RefusalPolicy } from './types';
import { parseThinkingSetting } from '../codemods/thinking/setting';

export const REFUSAL_POLICIES: readonly RefusalPolicy[] = ['throw', 'return-null', 'handler', 'marker'];

export const DEFAULT_OPTIONS: CodemodOptions = {
  targets: {},
  profile: 'global',
  seedTargets: false,
  refusal: 'throw',
  refusalHandler: 'handleRefusal',
};

/** Parses `a=b,c=d` or an array of `a=b` into a record. */
export function parsePairs(value: unknown): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return { ...(value as Record<string, string>) };
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const out: Record<string, string> = {};
  for (const item of items) {
    const text = String(item).trim();
    if (!text) continue;
    const eq = text.indexOf('=');
    if (eq <= 0) throw new Error(`expected key=value, got "${text}"`);
    out[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Fills in defaults and normalises values that arrive as strings (jscodeshift passes
 * `--target=sonnet=…` and `--seedTargets` through as raw strings and booleans).
 */
export function resolveOptions(raw: Partial<CodemodOptions> | Record<string, unknown> = {}): CodemodOptions {
  // jscodeshift hands flags over as written: `--seed-targets` arrives as `seed-targets`.
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    input[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  const options: CodemodOptions = { ...DEFAULT_OPTIONS, ...input } as CodemodOptions;
  options.targets = parsePairs(input.targets ?? input.target ?? {});
  options.seedTargets = input.seedTargets === true || input.seedTargets === 'true';
  const refusal = String(input.refusal ?? DEFAULT_OPTIONS.refusal);
  if (!REFUSAL_POLICIES.includes(refusal as RefusalPolicy)) {
    throw new Error(`--refusal must be one of ${REFUSAL_POLICIES.join(', ')}, got "${refusal}"`);
  }
  options.refusal = refusal as RefusalPolicy;
  options.profile = String(input.profile ?? DEFAULT_OPTIONS.profile);
  options.refusalHandler = String(input.refusalHandler ?? DEFAULT_OPTIONS.refusalHandler);
  // A bad --thinking value stops the run before any file is read.
  options.thinking = parseThinkingSetting(input.thinking);
  return options;
}
