import type { ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';
export interface TranslationJob {
  text: string;
  targetLanguage: string;
}

export default function translationPayload(job: TranslationJob): Omit<ConverseCommandInput, 'modelId'> {
  return {
    messages: [
      {
        role: 'user',
        content: [
          { text: `Translate into ${job.targetLanguage}:\n\n${job.text}` },
        ],
      },
    ],

    system: [
      { text: 'Translate the user text. Reply with the translation only.' },
    ],

    inferenceConfig: { maxTokens: 800, temperature: 0 },
  };
}
