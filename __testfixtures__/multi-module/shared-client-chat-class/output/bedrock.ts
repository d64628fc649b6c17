import { BedrockRuntimeClient, type ConverseCommandInput } from '@aws-sdk/client-bedrock-runtime';

export const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

export const CHAT_MODEL = 'anthropic.claude-3-sonnet-20240229-v1:0';

/** The request body every chat turn sends. */
export function chatPayload(question: string, context: string): Omit<ConverseCommandInput, 'modelId'> {
  return {
    messages: [{ role: 'user', content: [{ text: question }] }],
    system: [{ text: `Answer using only this context:\n${context}` }],
    inferenceConfig: { maxTokens: 1024 },
  };
}
