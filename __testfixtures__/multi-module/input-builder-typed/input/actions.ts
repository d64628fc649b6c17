'use server';

import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { summaryInput } from './lib/requests';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function summarizeTicket(ticket: string) {
  const response = await client.send(new InvokeModelCommand(summaryInput(ticket)));
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return {
    summary: result.content[0].text as string,
    complete: result.stop_reason === 'end_turn',
  };
}
