import { parseModelId } from '../../models';
import type { ComputerVersion } from './facts';

interface ClaudeModel {
  family: string;
  major: number;
  minor: number;
}

/**
 * Reads family and version out of any Claude model ID form: Bedrock base IDs, inference-profile IDs,
 * ARNs and first-party names (`claude-sonnet-4-5`, `claude-3-7-sonnet-…`). The model catalog decides
 * for the IDs it knows; a well-formed ID it does not know is read from its name (dates are not minors).
 */
export function parseClaudeModel(id: string): ClaudeModel | undefined {
  const known = parseModelId(id)?.model;
  if (known) {
    const [major, minor] = known.version.split('.').map(Number);
    if (Number.isFinite(major)) return { family: known.family, major, minor: Number.isFinite(minor) ? minor : 0 };
  }
  const modern = /claude-(opus|sonnet|haiku|fable|mythos)-(\d+)(?:-(\d)(?!\d))?/.exec(id);
  if (modern) return { family: modern[1], major: Number(modern[2]), minor: modern[3] ? Number(modern[3]) : 0 };
  const legacy = /claude-(\d)(?:-(\d))?-(opus|sonnet|haiku)/.exec(id);
  if (legacy) return { family: legacy[3], major: Number(legacy[1]), minor: legacy[2] ? Number(legacy[2]) : 0 };
  return undefined;
}

/**
 * The computer tool version a current model accepts (reference §6c), or undefined when the model is
 * a legacy one (its migration target is not known here) or not listed.
 * - computer_20251124: Opus 4.5, 4.6, 4.7, 4.8, Sonnet 4.6, and the 5 generation (Sonnet, Opus, Fable, Mythos).
 * - computer_20250124: Sonnet 4.5, Haiku 4.5, Opus 4.1, Sonnet 4, Opus 4.
 * Later 5.x releases of those families are taken to accept computer_20251124 like 5.0 does [uncertain].
 */
export function computerVersionForModel(id: string): ComputerVersion | undefined {
  const model = parseClaudeModel(id);
  if (!model) return undefined;
  const { family, major, minor } = model;
  if (major >= 5) return family === 'haiku' ? undefined : 'computer_20251124';
  if (major !== 4) return undefined;
  if (family === 'opus') return minor >= 5 ? 'computer_20251124' : 'computer_20250124';
  if (family === 'sonnet') return minor >= 6 ? 'computer_20251124' : 'computer_20250124';
  if (family === 'haiku' && minor === 5) return 'computer_20250124';
  return undefined;
}
