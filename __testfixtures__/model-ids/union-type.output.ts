export type SupportedModel =
  | "global.anthropic.claude-haiku-4-5-20251001-v1:0"
  | "global.anthropic.claude-haiku-4-5-20251001-v1:0"
  | "global.anthropic.claude-sonnet-4-6";

export interface JobConfig {
  model: SupportedModel;
  retries: number;
}

export const nightly: JobConfig = { model: "global.anthropic.claude-sonnet-4-6", retries: 3 };
export const hourly: JobConfig = { model: "global.anthropic.claude-haiku-4-5-20251001-v1:0", retries: 1 };
