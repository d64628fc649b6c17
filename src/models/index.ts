/**
 * The Claude-on-Amazon-Bedrock model catalog (data), ID parsing in every form, and target choice.
 * Everything that needs to know about models goes through here; nothing else keeps a list of IDs.
 */
import { CATALOG, type ModelInfo } from './catalog';

export type {
  Confidence,
  LifecycleEvent,
  ModelFamily,
  ModelInfo,
  ModelStatus,
  ProfilePrefix,
  RequestConstraints,
  SamplingRule,
  Support,
  ThinkingMode,
} from './catalog';
export { PROFILE_PREFIXES } from './catalog';
export type { ModelIdKind, ParsedModelId } from './ids';
export { PLACEHOLDER, isProfilePrefix, lookupBaseId, lookupFirstPartyName, parseModelId, parseModelIdPattern } from './ids';
export type { ReplacementPlan, TargetChoice, TargetOptions } from './targets';
export {
  DEFAULT_TARGET_OPTIONS,
  SEED_TARGET_ID,
  SUCCESSOR_FAMILY,
  applyPlan,
  chooseTarget,
  defaultTargetFor,
  hasVerifiedProfile,
  isDefaultTargetEligible,
  isLegacyModel,
  planReplacement,
  resolveModel,
} from './targets';

/** Every model the catalog knows, oldest first. */
export const MODEL_CATALOG: readonly ModelInfo[] = CATALOG;
