import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { SUMMARY_MODEL, summaryBody } from './prompts';

const client = new BedrockRuntimeClient({});

export async function summarize(text: string): Promise<string> {
  const response = await client.send(new InvokeModelCommand({ modelId: SUMMARY_MODEL, body: summaryBody(text) }));
  const message = JSON.parse(new TextDecoder().decode(response.body));
  return message.content[0].text;
}
