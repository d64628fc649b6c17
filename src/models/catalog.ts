/**
 * The Claude-on-Amazon-Bedrock model catalog, as data.
 *
 * Every fact comes from the project's API fact sheet (section 7b, model IDs; section 8, behaviour
 * changes; section 7c, surfaces). Each entry says where its status and dates come from. Facts the
 * fact sheet marks [uncertain] or only third parties report are flagged in the data
 * (`confidence`, `uncertainProfiles`, `'uncertain'` values) and in comments, so code can treat them
 * as such instead of relying on them.
 *
 * Source keys used below (as in the fact sheet):
 *   ADOCS     Anthropic docs (model-deprecations, Bedrock legacy page, model pages), 2026-08-22 snapshot
 *   ADOCS-NEW newer copies of Anthropic docs pages (Oct–Nov 2026)
 *   AWSDOC    AWS Bedrock user guide pages (model cards, lifecycle)
 *   CDK       aws-cdk FoundationModelIdentifier constants
 *   ANT-SDK   @anthropic-ai/sdk 1.12.0 (Model union, DEPRECATED_MODELS)
 *   3P        third-party code or articles (supporting evidence only)
 */

export type ModelFamily = 'haiku' | 'sonnet' | 'opus' | 'instant' | 'v2' | 'fable' | 'mythos';

/**
 * Lifecycle status on Bedrock as far as the sources tell:
 * - `active`: current; never rewritten.
 * - `deprecated`: still served but announced for retirement; rewritten.
 * - `legacy`: AWS "Legacy" lifecycle state (served in some regions until end of life); rewritten.
 * - `retired`: past end of life on at least one of the Claude API or Bedrock; rewritten.
 */
export type ModelStatus = 'active' | 'deprecated' | 'legacy' | 'retired';

/** Inference-profile prefixes (cross-region inference). `us-gov` is parsed but no Claude model lists it. */
export type ProfilePrefix = 'global' | 'us' | 'eu' | 'apac' | 'jp' | 'au' | 'us-gov';

export const PROFILE_PREFIXES: readonly ProfilePrefix[] = ['global', 'us', 'eu', 'apac', 'jp', 'au', 'us-gov'];

/** Extended-thinking request shapes: `thinking: {type: …}`. */
export type ThinkingMode = 'enabled' | 'adaptive' | 'disabled';

/** How sure the sources are. */
export type Confidence = 'verified' | 'third-party' | 'uncertain';

/** Whether an API serves the model: documented yes/no, or not documented. */
export type Support = 'yes' | 'no' | 'uncertain';

/**
 * Sampling parameters the model accepts:
 * - `any`: `temperature`, `top_p` and `top_k` together;
 * - `temperature-xor-top-p`: `temperature` or `top_p`, not both (400 when both are set);
 * - `none`: any non-default `temperature` / `top_p` / `top_k` returns 400.
 */
export type SamplingRule = 'any' | 'temperature-xor-top-p' | 'none';

export interface LifecycleEvent {
  /** What happens on `date`. */
  kind: 'claude-api-retired' | 'claude-api-retires' | 'bedrock-legacy' | 'bedrock-end-of-life' | 'not-sooner-than';
  /** ISO date, or null when the sources give no date. */
  date: string | null;
  source: string;
  confidence: Confidence;
}

export interface RequestConstraints {
  sampling: SamplingRule;
  samplingSource: string;
  /** Thinking request shapes accepted; empty when the model has no extended thinking. */
  thinking: readonly ThinkingMode[];
  /**
   * Whether an on-demand call with the bare base ID fails (only inference profiles are served):
   * true, false, or 'uncertain' when no source says. See `needsProfileSource`.
   */
  needsProfileForOnDemand: boolean | 'uncertain';
  needsProfileSource: string;
}

export interface ModelInfo {
  /** Bedrock base model ID, as it goes into `modelId`. */
  id: string;
  /** Display name. */
  name: string;
  family: ModelFamily;
  /** Model version, for example "3.5" or "4.6". */
  version: string;
  /**
   * Snapshot date used to order models (newer is later). The date in the ID where there is one;
   * for undated IDs an approximation noted in a comment. Only the order matters.
   */
  snapshot: string;
  status: ModelStatus;
  statusSource: string;
  lifecycle: readonly LifecycleEvent[];
  /** Claude API (first-party) IDs, pinned name first, then aliases. */
  firstPartyNames: readonly string[];
  /**
   * Strings that are not valid Bedrock IDs but are known to be written for this model (fact sheet
   * §7a). They are always rewritten to a valid ID.
   */
  misspellings: readonly string[];
  /** Other valid IDs of the same model on another surface (for example the bedrock-mantle ID). */
  otherIds: readonly string[];
  /** Anthropic's recommended replacement (a Claude API name), when the model is retired or deprecated. */
  anthropicReplacement?: { name: string; source: string };
  /** Inference-profile prefixes the model has (served now), including ones only third parties report. */
  profiles: readonly ProfilePrefix[];
  /** The subset of `profiles` only third parties report: a target is never given one of these unasked. */
  uncertainProfiles: readonly ProfilePrefix[];
  /** Prefixes the model once had but no longer serves (retired models). */
  formerProfiles: readonly ProfilePrefix[];
  profilesSource: string;
  /** Context window in tokens, null when unknown. */
  contextTokens: number | null;
  /** Maximum output tokens, null when unknown. */
  maxOutputTokens: number | null;
  limitsSource: string;
  limitsConfidence: Confidence;
  constraints: RequestConstraints;
  /** The legacy bedrock-runtime surface: InvokeModel and Converse support. */
  runtime: {
    invoke: Support;
    converse: Support;
    /** True when Anthropic's Bedrock legacy-page model table lists the model (the bedrock-runtime surface). */
    inAnthropicRuntimeTable: boolean;
    source: string;
  };
}

// Shared source strings.
const DEPRECATIONS = 'ADOCS about-claude/model-deprecations.md (2026-08-22)';
const LEGACY_TABLE = 'ADOCS build-with-claude/claude-on-amazon-bedrock-legacy.md model table (2026-08-22)';
const RUNTIME_SURFACE = 'ADOCS legacy Bedrock page: bedrock-runtime serves InvokeModel and Converse for "Opus 4.6 and earlier"';
const AWS_XOR_WARNING =
  'AWSDOC request-response warning: temperature or top_p, not both, for Sonnet 4.5 and Haiku 4.5; "does not apply to any older models"';
const NO_SAMPLING = 'ADOCS whats-new-claude-4-7, thinking.md, model-deprecations (API parameter deprecations)';
const ON_DEMAND_UNKNOWN =
  'not documented; the fact sheet lists on-demand base-ID failures for Sonnet 3.7, Sonnet 4 and Sonnet 4.5 only';

/**
 * The catalog, oldest first within the order of the fact sheet's table (§7b).
 *
 * Temperature-xor-top_p after Haiku 4.5: the AWS warning names Sonnet 4.5 and Haiku 4.5 and says the rule
 * "does not apply to any older models". Models released after them (Opus 4.5, Opus 4.6, Sonnet 4.6) are
 * recorded as `temperature-xor-top-p` by that wording; this is an inference, marked in `samplingSource`.
 */
export const CATALOG: readonly ModelInfo[] = [
  {
    id: 'anthropic.claude-instant-v1',
    name: 'Claude Instant 1.2',
    family: 'instant',
    version: '1.2',
    // Undated ID: ordered before every Claude 3 model; the date is a placeholder for ordering only.
    snapshot: '2023-08-09',
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2024-11-06 on the Claude API; Bedrock end-of-life date not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2024-11-06', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet: EOL, date uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-instant-1.2'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-haiku-4-5-20251001', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'fact sheet §7b: no profiles',
    // [uncertain] 100k context; output limit not given.
    contextTokens: 100_000,
    maxOutputTokens: null,
    limitsSource: 'fact sheet §7b (100k, uncertain)',
    limitsConfidence: 'uncertain',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: 'no inference profiles existed for this model',
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: false, source: 'retired' },
  },
  {
    id: 'anthropic.claude-v2',
    name: 'Claude 2.0',
    family: 'v2',
    version: '2.0',
    snapshot: '2023-07-11', // undated ID: placeholder for ordering only
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2025-07-21 on the Claude API; Bedrock end-of-life date not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2025-07-21', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet: EOL, date uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-2.0'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-opus-4-8', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'fact sheet §7b: no profiles',
    contextTokens: 100_000, // [uncertain]
    maxOutputTokens: null,
    limitsSource: 'fact sheet §7b (100k, uncertain)',
    limitsConfidence: 'uncertain',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: 'no inference profiles existed for this model',
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: false, source: 'retired' },
  },
  {
    id: 'anthropic.claude-v2:1',
    name: 'Claude 2.1',
    family: 'v2',
    version: '2.1',
    snapshot: '2023-11-21', // undated ID: placeholder for ordering only
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2025-07-21 on the Claude API; Bedrock end-of-life date not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2025-07-21', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet: EOL, date uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-2.1'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-opus-4-8', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'fact sheet §7b: no profiles',
    contextTokens: 200_000, // [uncertain]
    maxOutputTokens: null,
    limitsSource: 'fact sheet §7b (200k, uncertain)',
    limitsConfidence: 'uncertain',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: 'no inference profiles existed for this model',
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: false, source: 'retired' },
  },
  {
    id: 'anthropic.claude-3-sonnet-20240229-v1:0',
    name: 'Claude 3 Sonnet',
    family: 'sonnet',
    version: '3',
    snapshot: '2024-02-29',
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2025-07-21 on the Claude API; Bedrock status not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2025-07-21', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet §7b: Bedrock status uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-3-sonnet-20240229'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-4-6', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us', 'eu', 'apac'],
    profilesSource: '3P: us, eu, apac existed',
    contextTokens: 200_000,
    maxOutputTokens: 4_096,
    limitsSource: 'fact sheet §7b/§8 (3P)',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'uncertain', converse: 'uncertain', inAnthropicRuntimeTable: false, source: 'retired on the Claude API' },
  },
  {
    id: 'anthropic.claude-3-opus-20240229-v1:0',
    name: 'Claude 3 Opus',
    family: 'opus',
    version: '3',
    snapshot: '2024-02-29',
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2026-01-05 on the Claude API; Bedrock status not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-01-05', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet §7b: Bedrock status uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-3-opus-20240229', 'claude-3-opus-latest'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-opus-4-8', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us'],
    profilesSource: '3P: us existed',
    contextTokens: 200_000,
    maxOutputTokens: 4_096,
    limitsSource: 'fact sheet §7b/§8 (3P)',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'uncertain', converse: 'uncertain', inAnthropicRuntimeTable: false, source: 'retired on the Claude API' },
  },
  {
    id: 'anthropic.claude-3-haiku-20240307-v1:0',
    name: 'Claude 3 Haiku',
    family: 'haiku',
    version: '3',
    snapshot: '2024-03-07',
    status: 'retired',
    statusSource: 'AWSDOC model card: Legacy, end of life 2026-09-10 (past); ' + DEPRECATIONS + ': retired 2026-04-20',
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-04-20', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: '2026-09-10', source: 'AWSDOC model card (ja/zh_tw copies)', confidence: 'verified' },
    ],
    firstPartyNames: ['claude-3-haiku-20240307'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-haiku-4-5-20251001', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us', 'eu', 'apac'],
    profilesSource: 'ADOCS legacy table (2026-01 version): us, eu, apac',
    contextTokens: 200_000,
    maxOutputTokens: 4_096,
    limitsSource: 'AWSDOC model card',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: 'served on demand in specific regions (AWSDOC model card)',
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: false, source: 'past Bedrock end of life' },
  },
  {
    id: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    name: 'Claude 3.5 Sonnet',
    family: 'sonnet',
    version: '3.5',
    snapshot: '2024-06-20',
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2025-10-28 on the Claude API; Bedrock status not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2025-10-28', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet §7b: Bedrock status uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-3-5-sonnet-20240620'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-4-6', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us', 'eu', 'apac'],
    profilesSource: '3P: us, eu, apac',
    contextTokens: 200_000,
    maxOutputTokens: 8_192,
    limitsSource: 'fact sheet §7b/§8 (3P)',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'uncertain', converse: 'uncertain', inAnthropicRuntimeTable: false, source: 'retired on the Claude API' },
  },
  {
    id: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    name: 'Claude 3.5 Sonnet v2',
    family: 'sonnet',
    version: '3.5',
    snapshot: '2024-10-22',
    status: 'retired',
    statusSource: `${DEPRECATIONS}: retired 2025-10-28 on the Claude API; Bedrock status not known`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2025-10-28', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'fact sheet §7b: Bedrock status uncertain', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-latest'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-4-6', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us', 'apac'],
    profilesSource: '3P: us, apac',
    contextTokens: 200_000,
    maxOutputTokens: 8_192,
    limitsSource: 'fact sheet §7b/§8 (3P)',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'uncertain', converse: 'uncertain', inAnthropicRuntimeTable: false, source: 'retired on the Claude API' },
  },
  {
    id: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    name: 'Claude 3.5 Haiku',
    family: 'haiku',
    version: '3.5',
    snapshot: '2024-10-22',
    status: 'retired',
    statusSource: 'AWSDOC model card (es/it/zh_cn): Legacy, end of life 2026-06-19 (past); ' + DEPRECATIONS + ': retired 2026-02-19',
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-02-19', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: '2026-06-19', source: 'AWSDOC model card (es/it/zh_cn copies)', confidence: 'verified' },
    ],
    firstPartyNames: ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-haiku-4-5-20251001', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us'],
    profilesSource: LEGACY_TABLE + ': us',
    contextTokens: 200_000,
    maxOutputTokens: 8_192,
    limitsSource: 'AWSDOC model card',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: [],
      needsProfileForOnDemand: false,
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: true, source: 'past Bedrock end of life' },
  },
  {
    id: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    name: 'Claude 3.7 Sonnet',
    family: 'sonnet',
    version: '3.7',
    snapshot: '2025-02-19',
    status: 'retired',
    statusSource: `${LEGACY_TABLE}: Retired; ${DEPRECATIONS}: retired 2026-02-19; AWS EOL 2026-04-28 (3P)`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-02-19', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: '2026-04-28', source: '3P: bitslovers, awslabs/startups PR #10', confidence: 'third-party' },
    ],
    firstPartyNames: ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet-latest'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-4-6', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us', 'eu', 'apac'],
    profilesSource: LEGACY_TABLE + ': none now (formerly us, eu, apac)',
    contextTokens: 200_000,
    // 128k with the `output-128k-2025-02-19` beta flag.
    maxOutputTokens: 64_000,
    limitsSource: 'fact sheet §7b/§8',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: true,
      needsProfileSource: 'fact sheet §7a: 3P reports of the on-demand error for 3.7',
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: true, source: LEGACY_TABLE + ' (Retired)' },
  },
  {
    id: 'anthropic.claude-sonnet-4-20250514-v1:0',
    name: 'Claude Sonnet 4',
    family: 'sonnet',
    version: '4',
    snapshot: '2025-05-14',
    status: 'deprecated',
    statusSource: `${LEGACY_TABLE}: Deprecated; ${DEPRECATIONS}: retired 2026-06-15 on the Claude API`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-06-15', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'not read; query modelLifecycle at run time', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-sonnet-4-20250514', 'claude-sonnet-4-0', 'claude-4-sonnet-20250514'],
    // The wrong ID from a widely read blog post (word order and year both wrong), fact sheet §7a.
    misspellings: ['anthropic.claude-4-sonnet-20240514-v1:0', 'anthropic.claude-4-sonnet-20250514-v1:0'],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-4-6', source: DEPRECATIONS },
    profiles: ['global', 'us', 'eu', 'apac'],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE,
    contextTokens: 200_000, // 1M with a beta flag
    maxOutputTokens: 64_000,
    limitsSource: 'fact sheet §7b/§8',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: true,
      needsProfileSource: 'fact sheet §7a: 3P reports of the on-demand error for Sonnet 4',
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-opus-4-20250514-v1:0',
    name: 'Claude Opus 4',
    family: 'opus',
    version: '4',
    snapshot: '2025-05-14',
    status: 'retired',
    statusSource: `${LEGACY_TABLE}: Retired; ${DEPRECATIONS}: retired 2026-06-15`,
    lifecycle: [{ kind: 'claude-api-retired', date: '2026-06-15', source: DEPRECATIONS, confidence: 'verified' }],
    firstPartyNames: ['claude-opus-4-20250514', 'claude-opus-4-0', 'claude-4-opus-20250514'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-opus-4-8', source: DEPRECATIONS },
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: ['us'],
    profilesSource: LEGACY_TABLE + ': none now (was us)',
    contextTokens: 200_000,
    maxOutputTokens: 32_000,
    limitsSource: 'fact sheet §7b/§8',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'no', converse: 'no', inAnthropicRuntimeTable: true, source: LEGACY_TABLE + ' (Retired)' },
  },
  {
    id: 'anthropic.claude-opus-4-1-20250805-v1:0',
    name: 'Claude Opus 4.1',
    family: 'opus',
    version: '4.1',
    snapshot: '2025-08-05',
    status: 'deprecated',
    statusSource: `${LEGACY_TABLE}: Deprecated; ${DEPRECATIONS}: retired 2026-08-05 on the Claude API`,
    lifecycle: [
      { kind: 'claude-api-retired', date: '2026-08-05', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'not read; query modelLifecycle at run time', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-opus-4-1-20250805', 'claude-opus-4-1'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-opus-4-8', source: DEPRECATIONS },
    profiles: ['us'],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE,
    contextTokens: 200_000,
    maxOutputTokens: 32_000,
    limitsSource: 'fact sheet §7b/§8',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'any',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Claude Sonnet 4.5',
    family: 'sonnet',
    version: '4.5',
    snapshot: '2025-09-29',
    status: 'deprecated',
    statusSource:
      'ADOCS-NEW platform.claude.com/docs/ja/models/sonnet-4-5/overview.md and ANT-SDK DEPRECATED_MODELS: deprecated, retires 2026-11-30 (Claude API); the 2026-08-22 Bedrock table still listed it active',
    lifecycle: [
      { kind: 'claude-api-retires', date: '2026-11-30', source: 'ADOCS-NEW sonnet-4-5 overview; ANT-SDK DEPRECATED_MODELS', confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: null, source: 'AWS dates may differ (ADOCS)', confidence: 'uncertain' },
    ],
    firstPartyNames: ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    misspellings: [],
    otherIds: [],
    anthropicReplacement: { name: 'claude-sonnet-5-5', source: 'ADOCS-NEW sonnet-4-5 overview' },
    profiles: ['global', 'us', 'eu', 'jp', 'au'],
    uncertainProfiles: ['au'],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE + ' (au: 3P)',
    contextTokens: 200_000,
    maxOutputTokens: 64_000,
    limitsSource: 'fact sheet §7b/§8 (ADOCS/AWSDOC)',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'temperature-xor-top-p',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: true,
      needsProfileSource: 'ADOCS legacy page: the on-demand base-ID error example uses Sonnet 4.5',
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-haiku-4-5-20251001-v1:0',
    name: 'Claude Haiku 4.5',
    family: 'haiku',
    version: '4.5',
    snapshot: '2025-10-01',
    status: 'active',
    statusSource: `${DEPRECATIONS}: active, retirement not sooner than 2026-10-15; not in ANT-SDK DEPRECATED_MODELS as of 2026-11-20`,
    lifecycle: [{ kind: 'not-sooner-than', date: '2026-10-15', source: DEPRECATIONS, confidence: 'verified' }],
    firstPartyNames: ['claude-haiku-4-5-20251001', 'claude-haiku-4-5'],
    misspellings: [],
    // The bedrock-mantle (Claude in Amazon Bedrock) ID of the same model.
    otherIds: ['anthropic.claude-haiku-4-5'],
    profiles: ['global', 'us', 'eu', 'jp', 'au'],
    uncertainProfiles: ['jp', 'au'],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE + ' (jp, au: 3P)',
    contextTokens: 200_000,
    maxOutputTokens: 64_000,
    limitsSource: 'fact sheet §7b/§8 (ADOCS/AWSDOC)',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'temperature-xor-top-p',
      samplingSource: AWS_XOR_WARNING,
      thinking: ['enabled', 'disabled'],
      // [uncertain] No source says whether the bare base ID is served on demand.
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-opus-4-5-20251101-v1:0',
    name: 'Claude Opus 4.5',
    family: 'opus',
    version: '4.5',
    snapshot: '2025-11-01',
    status: 'active',
    statusSource: `${DEPRECATIONS}: active, retirement not sooner than 2026-11-24`,
    lifecycle: [{ kind: 'not-sooner-than', date: '2026-11-24', source: DEPRECATIONS, confidence: 'verified' }],
    firstPartyNames: ['claude-opus-4-5-20251101', 'claude-opus-4-5'],
    misspellings: [],
    otherIds: [],
    profiles: ['global', 'us', 'eu'],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE,
    contextTokens: 200_000,
    maxOutputTokens: 64_000,
    limitsSource: 'fact sheet §7b/§8 (ADOCS/AWSDOC)',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'temperature-xor-top-p',
      samplingSource: AWS_XOR_WARNING + ' (inferred: released after Haiku 4.5)',
      thinking: ['enabled', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-opus-4-6-v1',
    name: 'Claude Opus 4.6',
    family: 'opus',
    version: '4.6',
    // Undated ID; approximated as twelve months before its "not sooner than" retirement date.
    snapshot: '2026-02-05',
    status: 'active',
    statusSource: `${DEPRECATIONS}: active, not sooner than 2027-02-05; AWSDOC model card: EOL not sooner than 2027-02-05`,
    lifecycle: [
      { kind: 'not-sooner-than', date: '2027-02-05', source: DEPRECATIONS, confidence: 'verified' },
      { kind: 'bedrock-end-of-life', date: '2027-02-05', source: 'AWSDOC model card ("not sooner than")', confidence: 'verified' },
    ],
    firstPartyNames: ['claude-opus-4-6'],
    // `anthropic.claude-opus-4-6-v1:0` is not a valid ID (3P: RooCode issue #11231; fact sheet §7a).
    misspellings: ['anthropic.claude-opus-4-6-v1:0'],
    otherIds: [],
    profiles: ['global', 'us', 'eu', 'jp', 'apac', 'au'],
    uncertainProfiles: ['au'],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE + ' (au: 3P)',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'AWSDOC model card',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'temperature-xor-top-p',
      samplingSource: AWS_XOR_WARNING + ' (inferred: released after Haiku 4.5)',
      // `enabled` is deprecated but still works (ADOCS whats-new-claude-4-6).
      thinking: ['enabled', 'adaptive', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: ON_DEMAND_UNKNOWN,
    },
    runtime: { invoke: 'yes', converse: 'yes', inAnthropicRuntimeTable: true, source: RUNTIME_SURFACE },
  },
  {
    id: 'anthropic.claude-sonnet-4-6',
    name: 'Claude Sonnet 4.6',
    family: 'sonnet',
    version: '4.6',
    snapshot: '2026-02-17', // undated ID; twelve months before its "not sooner than" date
    status: 'active',
    statusSource: `${DEPRECATIONS}: active, not sooner than 2027-02-17; AWSDOC model card`,
    lifecycle: [{ kind: 'not-sooner-than', date: '2027-02-17', source: DEPRECATIONS, confidence: 'verified' }],
    firstPartyNames: ['claude-sonnet-4-6'],
    misspellings: [],
    otherIds: [],
    profiles: ['global', 'us', 'eu', 'jp', 'au'],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: LEGACY_TABLE + ' and AWSDOC model card (no apac)',
    contextTokens: 1_000_000,
    // [uncertain] a later ADOCS migration guide and 3P say 128k; the AWS card says 64k.
    maxOutputTokens: 64_000,
    limitsSource: 'AWSDOC model card; ADOCS whats-new-claude-4-6 (128k elsewhere: uncertain)',
    limitsConfidence: 'uncertain',
    constraints: {
      sampling: 'temperature-xor-top-p',
      samplingSource: AWS_XOR_WARNING + ' (inferred: released after Haiku 4.5)',
      thinking: ['enabled', 'adaptive', 'disabled'],
      needsProfileForOnDemand: true,
      needsProfileSource: 'AWSDOC model card: in-region on-demand base ID only in some regions (for example eu-west-2)',
    },
    runtime: {
      invoke: 'yes',
      converse: 'yes',
      inAnthropicRuntimeTable: true,
      source: 'AWSDOC model card: Converse and Invoke on bedrock-runtime',
    },
  },
  {
    id: 'anthropic.claude-opus-4-7',
    name: 'Claude Opus 4.7',
    family: 'opus',
    version: '4.7',
    snapshot: '2026-04-16', // undated ID; twelve months before its "not sooner than" date
    status: 'active',
    statusSource: 'ADOCS: active, not sooner than 2027-04-16; AWSDOC model card',
    lifecycle: [{ kind: 'not-sooner-than', date: '2027-04-16', source: DEPRECATIONS, confidence: 'verified' }],
    firstPartyNames: ['claude-opus-4-7'],
    misspellings: [],
    otherIds: [],
    profiles: ['global', 'us', 'eu', 'jp', 'au'],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'AWSDOC model card (no apac)',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'AWSDOC model card',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      thinking: ['adaptive', 'disabled'],
      needsProfileForOnDemand: true,
      needsProfileSource: 'AWSDOC model card: in-region on-demand only in us-east-1, eu-north-1, eu-west-1',
    },
    // The sources disagree: AWS's card lists InvokeModel and Converse on bedrock-runtime, while Anthropic
    // places Opus 4.7 and later on the bedrock-mantle Messages surface and leaves it out of its
    // bedrock-runtime table. It is therefore not a default target (see targets.ts).
    runtime: {
      invoke: 'yes',
      converse: 'yes',
      inAnthropicRuntimeTable: false,
      source: 'AWSDOC model card (Invoke, Converse, Messages); ADOCS claude-in-amazon-bedrock ("Opus 4.7 and later")',
    },
  },
  {
    id: 'anthropic.claude-opus-4-8',
    name: 'Claude Opus 4.8',
    family: 'opus',
    version: '4.8',
    snapshot: '2026-06-01', // [uncertain] release date not read; placed after Opus 4.7 for ordering only
    status: 'active',
    // ADOCS-NEW's per-model page calls it "Legacy" in favour of Opus 5.5 (Anthropic's label for older
    // models, not the AWS lifecycle state); no retirement was announced.
    statusSource: 'ADOCS-NEW legacy page; Anthropic labels it "Legacy" in favour of Opus 5.5 without a retirement date',
    lifecycle: [],
    firstPartyNames: ['claude-opus-4-8'],
    misspellings: [],
    otherIds: [],
    profiles: ['global', 'us', 'eu', 'jp', 'au'],
    uncertainProfiles: ['global', 'us', 'eu', 'jp', 'au'],
    formerProfiles: [],
    profilesSource: '3P',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'ADOCS legacy page; fact sheet §8',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      thinking: ['adaptive', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: 'not documented',
    },
    runtime: {
      invoke: 'yes',
      // [uncertain] fact sheet open item 5.
      converse: 'uncertain',
      inAnthropicRuntimeTable: false,
      source: 'ADOCS-NEW legacy page: "reachable through InvokeModel on bedrock-runtime"; Converse not documented',
    },
  },
  {
    id: 'anthropic.claude-sonnet-5',
    name: 'Claude Sonnet 5',
    family: 'sonnet',
    version: '5',
    snapshot: '2026-07-01', // [uncertain] ordering only
    status: 'active',
    statusSource: 'ADOCS claude-in-amazon-bedrock',
    lifecycle: [],
    firstPartyNames: ['claude-sonnet-5'],
    misspellings: [],
    otherIds: [],
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'uncertain',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'ADOCS overview',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      // Thinking is on by default from the 5.x models on (ADOCS migration-guide).
      thinking: ['adaptive', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: 'not documented',
    },
    runtime: {
      invoke: 'uncertain',
      converse: 'uncertain',
      inAnthropicRuntimeTable: false,
      source: 'Claude in Amazon Bedrock (bedrock-mantle); InvokeModel reachability changed over time; Converse uncertain',
    },
  },
  {
    id: 'anthropic.claude-opus-5',
    name: 'Claude Opus 5',
    family: 'opus',
    version: '5',
    snapshot: '2026-07-01', // [uncertain] ordering only
    status: 'active',
    statusSource: 'ADOCS claude-in-amazon-bedrock',
    lifecycle: [],
    firstPartyNames: ['claude-opus-5'],
    misspellings: [],
    otherIds: [],
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'uncertain',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'ADOCS overview',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      thinking: ['adaptive', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: 'not documented',
    },
    runtime: {
      invoke: 'uncertain',
      converse: 'uncertain',
      inAnthropicRuntimeTable: false,
      source: 'Claude in Amazon Bedrock (bedrock-mantle); Converse uncertain',
    },
  },
  {
    id: 'anthropic.claude-fable-5',
    name: 'Claude Fable 5',
    family: 'fable',
    version: '5',
    snapshot: '2026-07-01', // [uncertain] ordering only
    status: 'active',
    statusSource: 'ADOCS claude-in-amazon-bedrock',
    lifecycle: [],
    firstPartyNames: ['claude-fable-5'],
    misspellings: [],
    otherIds: [],
    profiles: [],
    uncertainProfiles: [],
    formerProfiles: [],
    profilesSource: 'uncertain',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: 'ADOCS overview',
    limitsConfidence: 'verified',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      // Fable 5 cannot disable thinking (ADOCS migration-guide, thinking.md).
      thinking: ['adaptive'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: 'not documented',
    },
    runtime: {
      invoke: 'uncertain',
      converse: 'uncertain',
      inAnthropicRuntimeTable: false,
      source: 'Claude in Amazon Bedrock (bedrock-mantle); Converse uncertain',
    },
  },
  {
    // [uncertain] The base ID is inferred from the BR-SDK README example `global.anthropic.claude-sonnet-5-5`.
    id: 'anthropic.claude-sonnet-5-5',
    name: 'Claude Sonnet 5.5',
    family: 'sonnet',
    version: '5.5',
    snapshot: '2026-10-01', // [uncertain] ordering only
    status: 'active',
    statusSource: 'ANT-SDK Model union; BR-SDK README example (uncertain on Bedrock)',
    lifecycle: [],
    firstPartyNames: ['claude-sonnet-5-5'],
    misspellings: [],
    otherIds: [],
    profiles: ['global'],
    uncertainProfiles: ['global'],
    formerProfiles: [],
    profilesSource: 'BR-SDK README example only',
    contextTokens: 1_000_000,
    maxOutputTokens: 128_000,
    limitsSource: '3P quoting ADOCS-NEW',
    limitsConfidence: 'third-party',
    constraints: {
      sampling: 'none',
      samplingSource: NO_SAMPLING,
      thinking: ['adaptive', 'disabled'],
      needsProfileForOnDemand: 'uncertain',
      needsProfileSource: 'not documented',
    },
    runtime: { invoke: 'uncertain', converse: 'uncertain', inAnthropicRuntimeTable: false, source: 'not documented' },
  },
];
