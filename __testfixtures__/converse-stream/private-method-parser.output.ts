import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

type Delta = { kind: 'text'; text: string } | { kind: 'done'; stopReason: string };

export class AssistantService {
  private readonly client = new BedrockRuntimeClient({ region: 'eu-west-1' });

  constructor(private readonly modelId = 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0') {}

  async *reply(question: string): AsyncGenerator<Delta> {
    const response = await this.client.send(
      new ConverseStreamCommand({
        modelId: this.modelId,
        messages: [{ role: 'user', content: [{ text: question }] }],
        inferenceConfig: { maxTokens: 800 },
      }),
    );
    if (response.stream) {
      yield* this.parse(response.stream);
    }
  }

  private async *parse(stream: AsyncIterable<any>): AsyncGenerator<Delta> {
    for await (const item of stream) {
      if (item.contentBlockDelta?.delta?.text !== undefined) {
        yield { kind: 'text', text: item.contentBlockDelta.delta.text };
      } else if (item.messageStop) {
        yield { kind: 'done', stopReason: item.messageStop.stopReason! };
      }
    }
  }
}

export async function ask(question: string) {
  const deltas: Delta[] = [];
  for await (const delta of new AssistantService().reply(question)) deltas.push(delta);
  return deltas;
}
