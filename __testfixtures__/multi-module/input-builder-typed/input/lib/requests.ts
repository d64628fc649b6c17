import type { InvokeModelCommandInput } from '@aws-sdk/client-bedrock-runtime';

const SUMMARY_MODEL = process.env.SUMMARY_MODEL_ID ?? 'anthropic.claude-3-haiku-20240307-v1:0';

/** The InvokeModel input for a ticket summary. */
export function summaryInput(ticket: string): InvokeModelCommandInput {
  return {
    modelId: SUMMARY_MODEL,
    contentType: 'application/json',
    accept: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 200,
      system: 'Summarize support tickets in one sentence.',
      messages: [{ role: 'user', content: ticket }],
    }),
  };
}
