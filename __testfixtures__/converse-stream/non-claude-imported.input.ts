import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

/** A custom model imported into Bedrock (Llama weights), served in the completion format. */
export class ImportedModel {
  private client = new BedrockRuntimeClient({});

  constructor(private readonly modelArn: string, private readonly maxTokens = 512) {}

  private buildBody(prompt: string): Record<string, unknown> {
    return { prompt, temperature: 0.2, max_gen_len: this.maxTokens };
  }

  async *stream(prompt: string): AsyncGenerator<string> {
    const body = this.buildBody(prompt);
    const response = await this.client.send(
      new InvokeModelWithResponseStreamCommand({ modelId: this.modelArn, contentType: 'application/json', body: JSON.stringify(body) }),
    );
    for await (const event of response.body ?? []) {
      if (event.chunk?.bytes) {
        const decoded = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
        if (decoded.generation) yield decoded.generation;
      }
    }
  }
}
