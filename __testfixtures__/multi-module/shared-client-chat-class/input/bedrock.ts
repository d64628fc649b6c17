import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

export const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

export const CHAT_MODEL = 'anthropic.claude-3-sonnet-20240229-v1:0';

/** The request body every chat turn sends. */
export function chatPayload(question: string, context: string) {
  return {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 1024,
    system: `Answer using only this context:\n${context}`,
    messages: [{ role: 'user', content: question }],
  };
}
