import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

function summaryRequest(article: string): ConverseStreamCommandInput {
  return {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    messages: [
      { role: 'user', content: [{ text: `Summarize:\n\n${article}` }] },
    ],
    inferenceConfig: { maxTokens: 200 },
  };
}

export async function summarize(article: string): Promise<string> {
  const { stream: body } = await client.send(new ConverseStreamCommand(summaryRequest(article)));
  let summary = '';
  for await (const event of body ?? []) {
    if (event.contentBlockDelta) {
      summary += event.contentBlockDelta.delta!.text!;
    }
  }
  return summary;
}
