import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';

const SUMMARY_MODEL = process.env.SUMMARY_MODEL_ID ?? 'anthropic.claude-3-haiku-20240307-v1:0';

/** The InvokeModel input for a ticket summary. */
export function summaryInput(ticket: string): ConverseCommandInput {
  return {
    modelId: SUMMARY_MODEL,
    messages: [{ role: 'user', content: [{ text: ticket }] }],
    system: [{ text: 'Summarize support tickets in one sentence.' }],
    inferenceConfig: { maxTokens: 200 },
  };
}
