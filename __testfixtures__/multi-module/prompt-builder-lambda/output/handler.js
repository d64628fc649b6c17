import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { buildSupportRequest } from './prompt';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

export const handler = async (event) => {
  const { question } = JSON.parse(event.body);
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      ...buildSupportRequest(question),
    }),
  );
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answer: response.output.message.content[0].text, stopReason: response.stopReason }),
  };
};
