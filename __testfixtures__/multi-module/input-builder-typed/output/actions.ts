'use server';

import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { summaryInput } from './lib/requests';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function summarizeTicket(ticket: string) {
  const response = await client.send(new ConverseCommand(summaryInput(ticket)));
  return {
    summary: response.output!.message!.content![0].text! as string,
    complete: response.stopReason === 'end_turn',
  };
}
