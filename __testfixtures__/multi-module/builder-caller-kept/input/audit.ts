import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { SUMMARY_MODEL, summaryBody } from './prompts';

const client = new BedrockRuntimeClient({});

/** Summaries kept for the audit trail carry the model's message id. */
export async function auditedSummary(text: string) {
  const response = await client.send(new InvokeModelCommand({ modelId: SUMMARY_MODEL, body: summaryBody(text) }));
  const message = JSON.parse(new TextDecoder().decode(response.body));
  return { messageId: message.id, summary: message.content[0].text };
}
