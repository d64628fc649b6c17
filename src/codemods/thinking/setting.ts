import { MIN_THINKING_BUDGET } from '../../models/rules';

/** What `--thinking` asks for: nothing, a thinking budget in tokens, or adaptive thinking. */
export type ThinkingSetting = 'off' | 'adaptive' | number;

export const THINKING_CHOICES = '<budget>|adaptive|off';

/**
 * Reads `--thinking` (CLI flag, config key or jscodeshift option). A budget is a whole number of tokens,
 * at least 1,024 (fact sheet §8). Anything else is an error, so a typo never runs silently.
 */
export function parseThinkingSetting(value: unknown): ThinkingSetting {
  if (value === undefined || value === null || value === false || value === '') return 'off';
  const text = String(value).trim().toLowerCase();
  if (text === 'off' || text === 'false' || text === 'none') return 'off';
  if (text === 'adaptive') return 'adaptive';
  if (/^\d+$/.test(text)) {
    const budget = Number(text);
    if (budget >= MIN_THINKING_BUDGET) return budget;
    throw new Error(`--thinking: a budget must be at least ${MIN_THINKING_BUDGET} tokens, got ${text}`);
  }
  throw new Error(`--thinking must be ${THINKING_CHOICES}, got "${String(value)}"`);
}
