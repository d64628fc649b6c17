export type SupportedModel =
  | "anthropic.claude-3-haiku-20240307-v1:0"
  | "anthropic.claude-3-5-haiku-20241022-v1:0"
  | "anthropic.claude-3-7-sonnet-20250219-v1:0";

export interface JobConfig {
  model: SupportedModel;
  retries: number;
}

export const nightly: JobConfig = { model: "anthropic.claude-3-7-sonnet-20250219-v1:0", retries: 3 };
export const hourly: JobConfig = { model: "anthropic.claude-3-haiku-20240307-v1:0", retries: 1 };
