// Migrated from anthropic.claude-3-haiku-20240307-v1:0 to Haiku 4.5 in March.
/* Previous model: "anthropic.claude-3-5-sonnet-20240620-v1:0" */
export const MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
