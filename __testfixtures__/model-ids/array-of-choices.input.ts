import { z } from "zod";

export const ALLOWED_MODELS = [
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-5-sonnet-20241022-v2:0",
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-7-sonnet-20250219-v1:0",
];

export const RequestSchema = z.object({
  prompt: z.string().min(1),
  model: z
    .enum(["us.anthropic.claude-3-5-haiku-20241022-v1:0", "us.anthropic.claude-3-7-sonnet-20250219-v1:0"])
    .default("us.anthropic.claude-3-7-sonnet-20250219-v1:0"),
});

export function isAllowed(model: string): boolean {
  return ALLOWED_MODELS.includes(model);
}
