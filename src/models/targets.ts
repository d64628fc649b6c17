import { CATALOG, type ModelFamily, type ModelInfo, type ProfilePrefix } from './catalog';
import { isProfilePrefix, lookupBaseId, parseModelId, type ParsedModelId } from './ids';
import { acceptsPrefill } from './rules';

/** The options of CodemodOptions that choose targets. */
export interface TargetOptions {
  /** Family (`sonnet`, `haiku`, `opus`, `instant`, `v2`) or an exact model ID → target ID. */
  targets: Record<string, string>;
  /** Prefix given to base IDs whose target needs an inference profile; `none` never adds one. */
  profile: string;
  /** Sonnet models older than Sonnet 4 go to Sonnet 4 (the seed request's exact target). */
  seedTargets: boolean;
  /** What the request the ID selects needs from its target (fact sheet §8); absent: nothing is known. */
  request?: RequestNeeds;
}

/** What a request needs from the model that serves it. */
export interface RequestNeeds {
  /** The request ends with an assistant turn (a prefill), which 4.6 and later models reject. */
  prefill?: boolean;
}

/** Why `model` cannot serve a request with these needs, or null when it can. */
export function rejectsRequest(model: ModelInfo, needs: RequestNeeds | undefined): string | null {
  if (needs?.prefill && !acceptsPrefill(model)) {
    return `${model.name} rejects an assistant prefill (400)`;
  }
  return null;
}

export const DEFAULT_TARGET_OPTIONS: TargetOptions = { targets: {}, profile: 'global', seedTargets: false };

/** The exact target the seed request named: Claude Sonnet 4 (fact sheet §7a "Sonnet 4 ID check"). */
export const SEED_TARGET_ID = 'anthropic.claude-sonnet-4-20250514-v1:0';

/**
 * Where a retired family goes. Claude Instant and Claude 2 have no successor in their own family; Anthropic's
 * recommended replacements (model-deprecations) are `claude-haiku-4-5-20251001` for Instant and
 * `claude-opus-4-8` for Claude 2.0/2.1, so they follow the Haiku and Opus families.
 */
export const SUCCESSOR_FAMILY: Readonly<Record<ModelFamily, ModelFamily>> = {
  haiku: 'haiku',
  sonnet: 'sonnet',
  opus: 'opus',
  instant: 'haiku',
  v2: 'opus',
  fable: 'fable',
  mythos: 'mythos',
};

/** True for deprecated, legacy and retired models: the ones the codemod replaces. */
export function isLegacyModel(model: ModelInfo | string): boolean {
  const info = typeof model === 'string' ? resolveModel(model) : model;
  return !!info && info.status !== 'active';
}

/** The catalog entry for any ID form or first-party name, or undefined. */
export function resolveModel(text: string): ModelInfo | undefined {
  return parseModelId(text)?.model ?? undefined;
}

/**
 * Whether a model can be a default target: active, and both vendors document it on the bedrock-runtime
 * surface with InvokeModel and Converse. Opus 4.7 is left out because the sources disagree (AWS's card lists
 * Invoke and Converse; Anthropic places it on the bedrock-mantle surface); Opus 4.8 and the 5.x models
 * because their Converse support is not documented.
 */
export function isDefaultTargetEligible(model: ModelInfo): boolean {
  return (
    model.status === 'active' &&
    model.runtime.invoke === 'yes' &&
    model.runtime.converse === 'yes' &&
    model.runtime.inAnthropicRuntimeTable
  );
}

/**
 * The newest eligible model of a family (after mapping Instant/Claude 2 to their successor family) that
 * serves a request with these needs.
 */
export function defaultTargetFor(family: ModelFamily, needs?: RequestNeeds): ModelInfo | undefined {
  const successor = SUCCESSOR_FAMILY[family];
  let best: ModelInfo | undefined;
  for (const model of CATALOG) {
    if (model.family !== successor || !isDefaultTargetEligible(model) || rejectsRequest(model, needs)) continue;
    if (!best || model.snapshot > best.snapshot) best = model;
  }
  return best;
}

export type TargetChoice =
  | {
      ok: true;
      /** The target's base ID. */
      id: string;
      /** The target's catalog entry; null for an ID the catalog does not know (a user's explicit choice). */
      model: ModelInfo | null;
      /** A profile prefix the user gave with the target (`--target sonnet=us.anthropic…`). */
      prefix: ProfilePrefix | null;
      /** `request`: the newest model of the family rejects this request, so an older one that accepts it. */
      by: 'option' | 'seed' | 'default' | 'request';
    }
  | { ok: false; reason: string; /** True when the model is simply current (nothing to do). */ current: boolean };

function fromUserTarget(source: ModelInfo, key: string, value: string, checkOrder: boolean): TargetChoice {
  let id = value.trim();
  let prefix: ProfilePrefix | null = null;
  const dot = id.indexOf('.');
  if (dot > 0 && isProfilePrefix(id.slice(0, dot)) && id.slice(dot + 1).startsWith('anthropic.')) {
    prefix = id.slice(0, dot) as ProfilePrefix;
    id = id.slice(dot + 1);
  }
  const parsed = parseModelId(id);
  if (!parsed || parsed.kind !== 'base') {
    return { ok: false, current: false, reason: `the target given for "${key}" (${value}) is not a Bedrock base model ID or inference-profile ID` };
  }
  const model = parsed.model;
  if (model && parsed.misspelled) {
    return { ok: false, current: false, reason: `the target given for "${key}" (${value}) is not a valid Bedrock ID; ${model.name} is ${model.id}` };
  }
  if (model === source) return { ok: false, current: true, reason: `the target given for "${key}" is the model itself` };
  if (checkOrder && model && model.snapshot < source.snapshot) {
    return { ok: false, current: false, reason: `the target given for "${key}" (${model.name}) is older than ${source.name}` };
  }
  return { ok: true, id: model ? model.id : id, model, prefix, by: 'option' };
}

/**
 * The target for a model: the user's per-ID target, else (for deprecated, legacy and retired models only) the
 * user's per-family target, the seed target, or the default — the newest active model of the family that
 * serves InvokeModel and Converse on bedrock-runtime. A default never is a deprecated or retired model and
 * never an older one than the source.
 */
export function chooseTarget(model: ModelInfo | string, options: Partial<TargetOptions> = {}): TargetChoice {
  const choice = chooseAnyTarget(model, options);
  if (!choice.ok || !choice.model) return choice;
  const rejected = rejectsRequest(choice.model, options.request);
  // A target the user chose (or the seed) that rejects this request: the ID stays for a human to decide.
  return rejected ? { ok: false, current: false, reason: `${rejected}; choose another target or drop the prefill` } : choice;
}

function chooseAnyTarget(model: ModelInfo | string, options: Partial<TargetOptions>): TargetChoice {
  const source = typeof model === 'string' ? resolveModel(model) : model;
  if (!source) return { ok: false, current: false, reason: `${String(model)} is not a Claude model the catalog knows` };
  const targets = options.targets ?? {};
  for (const key of [source.id, ...source.otherIds, ...source.firstPartyNames]) {
    const value = targets[key];
    if (value !== undefined) return fromUserTarget(source, key, value, false);
  }
  if (source.status === 'active') {
    return { ok: false, current: true, reason: `${source.name} is active` };
  }
  const family = targets[source.family] !== undefined ? source.family : SUCCESSOR_FAMILY[source.family];
  const familyValue = targets[family];
  if (familyValue !== undefined) return fromUserTarget(source, family, familyValue, true);
  if (options.seedTargets && source.family === 'sonnet') {
    const seed = lookupBaseId(SEED_TARGET_ID)!.model;
    if (source.snapshot < seed.snapshot) return { ok: true, id: seed.id, model: seed, prefix: null, by: 'seed' };
    if (source === seed) return { ok: false, current: true, reason: `${seed.name} is the seed target` };
  }
  const target = defaultTargetFor(source.family, options.request);
  if (!target || target.snapshot <= source.snapshot) {
    const newest = defaultTargetFor(source.family);
    const why = newest && newest.snapshot > source.snapshot ? rejectsRequest(newest, options.request) : null;
    if (why) {
      return { ok: false, current: false, reason: `${why}, as do newer ones` };
    }
    return { ok: false, current: false, reason: `no newer active ${SUCCESSOR_FAMILY[source.family]} model serves InvokeModel and Converse` };
  }
  const newest = defaultTargetFor(source.family);
  const by = newest && newest !== target ? 'request' : 'default';
  return { ok: true, id: target.id, model: target, prefix: null, by };
}

/** Whether `model` has a profile prefix that a source other than third parties documents. */
export function hasVerifiedProfile(model: ModelInfo, prefix: ProfilePrefix): boolean {
  return model.profiles.includes(prefix) && !model.uncertainProfiles.includes(prefix);
}

function verifiedProfiles(model: ModelInfo): ProfilePrefix[] {
  return model.profiles.filter((p) => !model.uncertainProfiles.includes(p));
}

function describeProfiles(model: ModelInfo): string {
  const list = verifiedProfiles(model);
  return list.length ? list.join(', ') : 'none';
}

export type ReplacementPlan =
  | { action: 'keep'; reason: string }
  | {
      action: 'rewrite';
      /** The new base ID (or Bedrock ID for a first-party name) for the base span of the parsed text. */
      base: string;
      /** A profile prefix to insert before the base (base IDs whose target needs a profile). */
      addPrefix: ProfilePrefix | null;
      target: ModelInfo | null;
      /** Report lines (routing changes, corrections). */
      notes: string[];
    }
  | { action: 'mark'; message: string };

/** The whole new text for a parsed ID and a rewrite plan. */
export function applyPlan(parsed: ParsedModelId, plan: Extract<ReplacementPlan, { action: 'rewrite' }>): string {
  const inserted = (plan.addPrefix ? `${plan.addPrefix}.` : '') + plan.base;
  return parsed.text.slice(0, parsed.baseStart) + inserted + parsed.text.slice(parsed.baseEnd);
}

function needsProfile(model: ModelInfo | null): boolean {
  // An undocumented answer counts as "needs one": an inference profile works either way, a bare base ID
  // may be refused with "on-demand throughput isn't supported".
  return !!model && model.constraints.needsProfileForOnDemand !== false;
}

/**
 * What to do with one model ID occurrence: keep it, rewrite its base (maybe adding a profile prefix), or leave
 * it with a marker message. Profiles: a prefix is kept when the target has it; a base ID whose target needs a
 * profile gets `options.profile` (and a note that routing changed); a prefix the target lacks gets a marker.
 * ARNs keep their region and account; application inference profiles always get a marker.
 */
export function planReplacement(parsed: ParsedModelId, options: Partial<TargetOptions> = {}): ReplacementPlan {
  const source = parsed.model;
  if (parsed.kind === 'application-inference-profile-arn') {
    return {
      action: 'mark',
      message:
        'application inference profile: the model behind it cannot be read from the ARN; if it routes to a retired or deprecated Claude model, create a profile for a current one',
    };
  }
  if (!source) return { action: 'keep', reason: 'not a Claude model the catalog knows' };

  let target: ModelInfo | null;
  let targetId: string;
  let userPrefix: ProfilePrefix | null = null;
  const notes: string[] = [];
  // A target given for the ID exactly as written (`us.anthropic.claude-…`) counts like one for its base ID.
  const exact = options.targets?.[parsed.text];
  const choice = chooseTarget(source, exact === undefined ? options : { ...options, targets: { ...options.targets, [source.id]: exact } });
  if (choice.ok) {
    target = choice.model;
    targetId = choice.id;
    userPrefix = choice.prefix;
    if (target && target.status !== 'active') notes.push(`${target.name} (${target.id}) is ${target.status}: chosen by option`);
    if (!target) notes.push(`${targetId} is not in the model catalog: profiles and request limits were not checked`);
    if (choice.by === 'request' && target) {
      const newest = defaultTargetFor(source.family)!;
      notes.push(
        `the request ends with an assistant turn (prefill) and ${rejectsRequest(newest, options.request)}: chose ${target.name}, the newest ${target.family} model that accepts it`,
      );
    }
  } else if (parsed.misspelled || parsed.kind === 'first-party') {
    // A current model written in a form Bedrock does not accept: correct it to the model's own Bedrock ID.
    if (!choice.current) return { action: 'mark', message: `${parsed.text}: ${choice.reason}` };
    target = source;
    targetId = source.id;
  } else if (choice.current) {
    return { action: 'keep', reason: choice.reason };
  } else {
    return { action: 'mark', message: `${source.name} (${source.status}) has no replacement: ${choice.reason}` };
  }
  if (parsed.misspelled) notes.push(`"${parsed.baseId}" is not a valid Bedrock model ID; ${source.name} is ${source.id}`);
  if (parsed.kind === 'first-party') {
    notes.push(`"${parsed.text}" is a Claude API name; AnthropicBedrock does not translate it, so it now names the Bedrock ID`);
  }
  const targetName = target ? target.name : targetId;
  const rewrite = (addPrefix: ProfilePrefix | null): ReplacementPlan => ({ action: 'rewrite', base: targetId, addPrefix, target, notes });

  switch (parsed.kind) {
    case 'base':
    case 'first-party': {
      if (userPrefix) return rewrite(userPrefix);
      if (!needsProfile(target) || options.profile === 'none') return rewrite(null);
      const profile = options.profile ?? 'global';
      if (!isProfilePrefix(profile) || !hasVerifiedProfile(target!, profile)) {
        return {
          action: 'mark',
          message: `${parsed.text} → ${targetName} needs an inference profile, and it has no documented "${profile}" profile (it has: ${describeProfiles(target!)}); choose one with --profile`,
        };
      }
      const certainty =
        target!.constraints.needsProfileForOnDemand === true ? 'needs' : 'may need (not documented either way)';
      notes.push(
        `routing changed: ${parsed.text} was called by base ID; ${targetName} ${certainty} an inference profile for on-demand use, so the call now goes through the "${profile}" profile (cross-region)`,
      );
      return rewrite(profile);
    }
    case 'profile':
    case 'inference-profile-arn': {
      if (!target) return rewrite(null);
      if (parsed.prefixInterpolated) {
        const sourcePrefixes = [...source.profiles, ...source.formerProfiles];
        const missing = sourcePrefixes.filter((p) => !hasVerifiedProfile(target!, p));
        if (missing.length > 0) {
          return {
            action: 'mark',
            message: `the profile prefix is computed at run time; ${targetName} has no documented ${missing.join('/')} profile (it has: ${describeProfiles(target)}), so this ID was not changed`,
          };
        }
        if (parsed.prefixMayBeEmpty && needsProfile(target)) {
          return {
            action: 'mark',
            message: `the profile prefix is computed at run time and may be empty; ${targetName} needs an inference profile, so this ID was not changed`,
          };
        }
        return rewrite(null);
      }
      const prefix = parsed.prefix!;
      if (!hasVerifiedProfile(target, prefix)) {
        return {
          action: 'mark',
          message: `${parsed.text}: ${targetName} has no documented "${prefix}" inference profile (it has: ${describeProfiles(target)}); choose a profile by hand`,
        };
      }
      return rewrite(null);
    }
    case 'foundation-model-arn': {
      if (needsProfile(target) && options.profile !== 'none') {
        return {
          action: 'mark',
          message: `foundation-model ARN of ${source.name}: ${targetName} needs an inference profile for on-demand calls, and an inference-profile ARN needs your account ID (arn:aws:bedrock:<region>:<account-id>:inference-profile/<prefix>.${targetId})`,
        };
      }
      return rewrite(null);
    }
    default:
      return { action: 'keep', reason: 'unsupported ID form' };
  }
}
