import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function streamToConsole(prompt: string, log: (line: string) => void): Promise<string> {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );

  let answer = '';
  for await (const event of response.stream ?? []) {
    try {
      if (event.contentBlockDelta?.delta?.text !== undefined) {
        answer += event.contentBlockDelta.delta.text;
        log(event.contentBlockDelta.delta.text);
      } else if (event.messageStop) {
        log(`[stop: ${event.messageStop.stopReason}]`);
      }
    } catch (err) {
      log(`could not handle an event: ${(err as Error).message}`);
    }
  }
  return answer;
}
