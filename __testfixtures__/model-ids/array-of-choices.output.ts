import { z } from "zod";

// TODO(bedrock-claude-codemod): anthropic.claude-3-5-sonnet-20241022-v2:0 (Claude 3.5 Sonnet v2, retired) would become global.anthropic.claude-sonnet-4-6, which this list already has; remove this entry
// TODO(bedrock-claude-codemod): anthropic.claude-3-7-sonnet-20250219-v1:0 (Claude 3.7 Sonnet, retired) would become global.anthropic.claude-sonnet-4-6, which this list already has; remove this entry
export const ALLOWED_MODELS = [
  "global.anthropic.claude-sonnet-4-6",
  "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "global.anthropic.claude-haiku-4-5-20251001-v1:0",
  "anthropic.claude-3-7-sonnet-20250219-v1:0",
];

export const RequestSchema = z.object({
  prompt: z.string().min(1),
  model: z
    .enum(["us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-sonnet-4-6"])
    .default("us.anthropic.claude-sonnet-4-6"),
});

export function isAllowed(model: string): boolean {
  return ALLOWED_MODELS.includes(model);
}
