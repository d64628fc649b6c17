// Prompt templates for the support assistant.
const SYSTEM_PROMPT = 'You are a concise support assistant for Acme Cloud. Answer in two sentences at most.';

export function buildSupportRequest(question, { temperature = 0.2 } = {}) {
  return {
    messages: [
      { role: 'user', content: [{ text: `Customer question: ${question}` }] },
    ],

    system: [{ text: SYSTEM_PROMPT }],
    inferenceConfig: { maxTokens: 400, temperature },
  };
}
