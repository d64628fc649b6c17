export interface TranslationJob {
  text: string;
  targetLanguage: string;
}

export default function translationPayload(job: TranslationJob) {
  return {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 800,
    temperature: 0,
    system: 'Translate the user text. Reply with the translation only.',
    messages: [{ role: 'user', content: `Translate into ${job.targetLanguage}:\n\n${job.text}` }],
  };
}
