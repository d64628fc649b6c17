// Prompt templates for the support assistant.
const SYSTEM_PROMPT = 'You are a concise support assistant for Acme Cloud. Answer in two sentences at most.';

export function buildSupportRequest(question, { temperature = 0.2 } = {}) {
  return JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 400,
    temperature,
    system: SYSTEM_PROMPT,
    messages: [
      {
        role: 'user',
        content: `Customer question: ${question}`,
      },
    ],
  });
}
