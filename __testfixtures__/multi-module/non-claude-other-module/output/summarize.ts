import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { titanSummaryBody } from './titan';

const client = new BedrockRuntimeClient({});

export async function summarize(text: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: titanSummaryBody(text) }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return data.results[0].outputText;
}
