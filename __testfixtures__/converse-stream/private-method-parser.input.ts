import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

type Delta = { kind: 'text'; text: string } | { kind: 'done'; stopReason: string };

export class AssistantService {
  private readonly client = new BedrockRuntimeClient({ region: 'eu-west-1' });

  constructor(private readonly modelId = 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0') {}

  async *reply(question: string): AsyncGenerator<Delta> {
    const response = await this.client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: this.modelId,
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 800,
          messages: [{ role: 'user', content: question }],
        }),
      }),
    );
    if (response.body) {
      yield* this.parse(response.body);
    }
  }

  private async *parse(stream: AsyncIterable<any>): AsyncGenerator<Delta> {
    for await (const item of stream) {
      const chunk = JSON.parse(new TextDecoder().decode(item.chunk?.bytes));
      if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
        yield { kind: 'text', text: chunk.delta.text };
      } else if (chunk.type === 'message_delta') {
        yield { kind: 'done', stopReason: chunk.delta.stop_reason };
      }
    }
  }
}

export async function ask(question: string) {
  const deltas: Delta[] = [];
  for await (const delta of new AssistantService().reply(question)) deltas.push(delta);
  return deltas;
}
