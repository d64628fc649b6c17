// An SDK's inventory of the models it knows: names bound to one model version, and enumerations of every
// provider's IDs. Data about models, not a choice: left as it is.
export type BedrockChatModelId =
  | "amazon.titan-text-express-v1"
  | "anthropic.claude-v2:1"
  | "anthropic.claude-3-haiku-20240307-v1:0"
  | "meta.llama3-70b-instruct-v1:0"
  | (string & {});

declare function literal<T extends string[]>(...values: T): T;

export const KNOWN_MODELS = literal("amazon.titan-text-lite-v1", "anthropic.claude-instant-v1", "mistral.mistral-7b-instruct-v0:2");

class FoundationModel {
  constructor(readonly modelId: string, readonly props: { supportsAgents: boolean }) {}
}

export class KnownModels {
  static readonly ANTHROPIC_CLAUDE_3_5_SONNET_V1_0 = new FoundationModel("anthropic.claude-3-5-sonnet-20240620-v1:0", { supportsAgents: true });
  static readonly ANTHROPIC_CLAUDE_INSTANT_V1 = new FoundationModel("anthropic.claude-instant-v1", { supportsAgents: false });
}

export const AWS_BEDROCK: Record<string, string> = {};
AWS_BEDROCK.CLAUDE_3_7_SONNET_20250219 = "anthropic.claude-3-7-sonnet-20250219-v1:0";
