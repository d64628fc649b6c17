import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function streamToConsole(prompt: string, log: (line: string) => void): Promise<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );

  let answer = '';
  for await (const event of response.body ?? []) {
    try {
      const data = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));
      switch (data.type) {
        case 'content_block_delta':
          if (data.delta.type === 'text_delta') {
            answer += data.delta.text;
            log(data.delta.text);
          }
          break;
        case 'message_delta':
          log(`[stop: ${data.delta.stop_reason}]`);
          break;
        default:
          break;
      }
    } catch (err) {
      log(`could not handle an event: ${(err as Error).message}`);
    }
  }
  return answer;
}
