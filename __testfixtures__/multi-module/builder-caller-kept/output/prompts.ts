export const SUMMARY_MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

export function summaryBody(text: string): string {
  return JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Summarize in one line:\n${text}` }],
  });
}
