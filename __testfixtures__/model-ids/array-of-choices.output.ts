import { z } from "zod";

export const ALLOWED_MODELS = [
  "global.anthropic.claude-sonnet-4-6",
  "global.anthropic.claude-haiku-4-5-20251001-v1:0",
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
