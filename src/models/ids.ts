import { CATALOG, PROFILE_PREFIXES, type ModelInfo, type ProfilePrefix } from './catalog';

/**
 * The forms a model ID takes (fact sheet §7a):
 * - `base`: `anthropic.claude-sonnet-4-6`
 * - `profile`: `global.anthropic.claude-sonnet-4-6` (prefix `global`, `us`, `eu`, `apac`, `jp`, `au`, `us-gov`)
 * - `foundation-model-arn`: `arn:aws:bedrock:us-east-1::foundation-model/<base>`
 * - `inference-profile-arn`: `arn:aws:bedrock:us-east-1:123456789012:inference-profile/<prefix>.<base>`
 * - `application-inference-profile-arn`: `arn:aws:bedrock:<region>:<account>:application-inference-profile/<id>`;
 *   its model cannot be read from the ARN
 * - `first-party`: a Claude API name such as `claude-3-5-sonnet-20241022` (only meaningful where it is given
 *   to the `AnthropicBedrock` client, which does not translate it)
 */
export type ModelIdKind =
  | 'base'
  | 'profile'
  | 'foundation-model-arn'
  | 'inference-profile-arn'
  | 'application-inference-profile-arn'
  | 'first-party';

export interface ParsedModelId {
  kind: ModelIdKind;
  /** The text that was parsed. */
  text: string;
  /** The Bedrock base ID as written (null for application inference profiles and first-party names). */
  baseId: string | null;
  /** Offsets of the base ID (or of the first-party name) in `text`. */
  baseStart: number;
  baseEnd: number;
  /** The catalog entry, or null for a well-formed Claude ID the catalog does not know. */
  model: ModelInfo | null;
  /** True when the text is a known misspelling of `model`'s ID (not a valid Bedrock ID). */
  misspelled: boolean;
  /** Profile prefix for `profile` and `inference-profile-arn`. */
  prefix: ProfilePrefix | null;
  /** True when the prefix is an interpolation (`${geo}.anthropic…`): its value is not known. */
  prefixInterpolated: boolean;
  /** True when an interpolated prefix carries its own dot (`${prefix}anthropic…`), so it may be empty. */
  prefixMayBeEmpty: boolean;
  /** ARN parts. An interpolated part is given as null. */
  partition: string | null;
  region: string | null;
  account: string | null;
  /** Application inference-profile ID (the part after `application-inference-profile/`). */
  resource: string | null;
}

/**
 * Stands for an interpolation (`${…}`) in text handed to `parseModelIdPattern`. A model ID itself never
 * contains it, so it may only appear where an ID's value is free: the profile prefix, the ARN's partition,
 * region and account.
 */
export const PLACEHOLDER = '\u0000';

const byBaseId = new Map<string, { model: ModelInfo; misspelled: boolean }>();
const byFirstPartyName = new Map<string, ModelInfo>();
for (const model of CATALOG) {
  byBaseId.set(model.id, { model, misspelled: false });
  for (const other of model.otherIds) byBaseId.set(other, { model, misspelled: false });
  for (const wrong of model.misspellings) byBaseId.set(wrong, { model, misspelled: true });
  for (const name of model.firstPartyNames) byFirstPartyName.set(name, model);
}

/** A well-formed Bedrock Anthropic Claude base ID: `anthropic.claude-` then lowercase words, optional `:N`. */
const BASE_RE = /^anthropic\.claude-[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]+)?$/;
/** A real ID names a model (`haiku`, `sonnet`, …) or a version suffix (`-v2`): `anthropic.claude-3` does neither. */
const NAMED_RE = /-(?:haiku|sonnet|opus|instant|fable|mythos)(?:-|$)|-v[0-9]/;
const FIRST_PARTY_RE = /^claude-[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
const P = PLACEHOLDER;
// A part that is either literal text or (in patterns) an interpolation.
const ARN_RE = new RegExp(
  `^arn:([a-z-]+|${P})+:bedrock:([a-z0-9-]+|${P})*:([0-9]{12}|${P})?:` +
    '(foundation-model|inference-profile|application-inference-profile)/(.+)$',
);

/** The catalog entry for a base ID, another valid ID of the model, or a known misspelling. */
export function lookupBaseId(id: string): { model: ModelInfo; misspelled: boolean } | undefined {
  return byBaseId.get(id);
}

/** The catalog entry for a Claude API (first-party) name or alias. */
export function lookupFirstPartyName(name: string): ModelInfo | undefined {
  return byFirstPartyName.get(name);
}

export function isProfilePrefix(text: string): text is ProfilePrefix {
  return (PROFILE_PREFIXES as readonly string[]).includes(text);
}

function empty(text: string, kind: ModelIdKind): ParsedModelId {
  return {
    kind,
    text,
    baseId: null,
    baseStart: 0,
    baseEnd: 0,
    model: null,
    misspelled: false,
    prefix: null,
    prefixInterpolated: false,
    prefixMayBeEmpty: false,
    partition: null,
    region: null,
    account: null,
    resource: null,
  };
}

/** Parses `[prefix.]base` starting at `offset` of `whole`. */
function parseProfileOrBase(whole: string, offset: number, allowPlaceholders: boolean): ParsedModelId | null {
  const text = whole.slice(offset);
  const result = empty(whole, 'base');
  let baseAt = 0;
  if (!text.startsWith('anthropic.')) {
    if (allowPlaceholders && text.startsWith(P)) {
      let i = 0;
      while (text[i] === P) i++;
      if (text.startsWith('.anthropic.', i)) {
        baseAt = i + 1;
      } else if (text.startsWith('anthropic.', i)) {
        baseAt = i;
        result.prefixMayBeEmpty = true;
      } else {
        return null;
      }
      result.kind = 'profile';
      result.prefixInterpolated = true;
    } else {
      const dot = text.indexOf('.');
      if (dot <= 0) return null;
      const prefix = text.slice(0, dot);
      if (!isProfilePrefix(prefix)) return null;
      result.kind = 'profile';
      result.prefix = prefix;
      baseAt = dot + 1;
    }
  }
  const base = text.slice(baseAt);
  if (!BASE_RE.test(base) || !NAMED_RE.test(base)) return null;
  const found = lookupBaseId(base);
  result.baseId = base;
  result.baseStart = offset + baseAt;
  result.baseEnd = whole.length;
  result.model = found?.model ?? null;
  result.misspelled = found?.misspelled ?? false;
  return result;
}

function parse(text: string, allowPlaceholders: boolean): ParsedModelId | null {
  if (!allowPlaceholders && text.includes(P)) return null;
  if (text.startsWith('arn:')) {
    const m = ARN_RE.exec(text);
    if (!m) return null;
    const [, , , , type, rest] = m;
    const head = text.slice(0, text.length - rest!.length);
    const parts = head.split(':');
    const literal = (value: string | undefined) => (value === undefined || value.includes(P) ? null : value);
    const fields = {
      partition: literal(parts[1]),
      region: literal(parts[3]),
      account: literal(parts[4]) || null,
    };
    if (type === 'application-inference-profile') {
      if (!/^[A-Za-z0-9]+$/.test(rest!)) return null;
      return { ...empty(text, 'application-inference-profile-arn'), ...fields, resource: rest! };
    }
    const inner = parseProfileOrBase(text, head.length, allowPlaceholders);
    if (!inner) return null;
    if (type === 'foundation-model') {
      if (inner.kind !== 'base') return null;
      return { ...inner, ...fields, kind: 'foundation-model-arn' };
    }
    if (inner.kind !== 'profile') return null;
    return { ...inner, ...fields, kind: 'inference-profile-arn' };
  }
  if (text.startsWith('claude-')) {
    if (!FIRST_PARTY_RE.test(text)) return null;
    const model = lookupFirstPartyName(text);
    if (!model) return null;
    return { ...empty(text, 'first-party'), baseStart: 0, baseEnd: text.length, model };
  }
  return parseProfileOrBase(text, 0, allowPlaceholders);
}

/**
 * Parses one complete model ID in any form. Returns null for text that is not a model ID at all
 * (lookalikes, prose, other vendors, unknown first-party names). A well-formed Bedrock Claude ID that the
 * catalog does not know parses with `model: null`.
 */
export function parseModelId(text: string): ParsedModelId | null {
  return parse(text, false);
}

/**
 * Like `parseModelId`, for text where `PLACEHOLDER` stands for an interpolation (template literals,
 * Terraform strings). Interpolations are accepted only in the profile prefix and the ARN's partition,
 * region and account.
 */
export function parseModelIdPattern(text: string): ParsedModelId | null {
  return parse(text, true);
}
