// Data about models: tables a library keeps to describe them. Nothing here selects the model of a call.
const INFERENCE_PROFILE_MODELS = {
  US_ANTHROPIC_CLAUDE_3_HAIKU: "us.anthropic.claude-3-haiku-20240307-v1:0",
  US_ANTHROPIC_CLAUDE_3_5_SONNET: "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
  APAC_ANTHROPIC_CLAUDE_3_5_SONNET: "apac.anthropic.claude-3-5-sonnet-20240620-v1:0",
  APAC_ANTHROPIC_CLAUDE_3_HAIKU: "apac.anthropic.claude-3-haiku-20240307-v1:0",
  US_AMAZON_NOVA_PRO_1: "us.amazon.nova-pro-v1:0",
};

// Deprecation dates, keyed by model ID.
const DEPRECATED_ON = {
  "anthropic.claude-v2:1": "2025-07-21",
  "anthropic.claude-3-sonnet-20240229-v1:0": "2025-07-21",
  "anthropic.claude-3-5-sonnet-20240620-v1:0": "2025-10-22",
};

// A migration map from old IDs to their replacements.
const REPLACED_BY = {
  "anthropic.claude-v2:1": "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-instant-v1": "anthropic.claude-3-haiku-20240307-v1:0",
};

// Prices per million tokens, as shown on a settings page.
const PRICING = [
  { model: "anthropic.claude-3-haiku-20240307-v1:0", label: "Claude 3 Haiku", inputPerMillion: 0.25, outputPerMillion: 1.25 },
  { model: "anthropic.claude-3-5-sonnet-20240620-v1:0", label: "Claude 3.5 Sonnet", inputPerMillion: 3, outputPerMillion: 15 },
];

// Names matched for logging, mixed with other strings: not a list of model choices.
const LOGGED_NAMES = ["bedrock", "anthropic.claude-3-haiku-20240307-v1:0", "titan"];

function describeModel(modelId) {
  const price = PRICING.find((p) => p.model === modelId);
  return {
    deprecatedOn: DEPRECATED_ON[modelId] ?? null,
    replacedBy: REPLACED_BY[modelId] ?? null,
    price: price ? `${price.inputPerMillion}/${price.outputPerMillion}` : "unknown",
    logged: LOGGED_NAMES.some((name) => modelId.includes(name)),
  };
}

module.exports = { INFERENCE_PROFILE_MODELS, describeModel };
