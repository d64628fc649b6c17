import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

export class EmbeddingsService {
  constructor(private readonly client: BedrockRuntimeClient) {}

  async embed(model: string, texts: string[]): Promise<number[][]> {
    if (model.startsWith("cohere.embed")) {
      const output = await this.invoke(model, { texts, input_type: "search_document", truncate: "END" });
      return output.embeddings;
    }
    return Promise.all(
      texts.map(async (text) => {
        const output = await this.invoke(model, { inputText: text });
        return output.embedding;
      }),
    );
  }

  private async invoke(model: string, jsonBody: object) {
    const input = {
      body: JSON.stringify(jsonBody),
      modelId: model,
      accept: "*/*",
      contentType: "application/json",
    };
    const response = await this.client.send(new InvokeModelCommand(input));
    return JSON.parse(new TextDecoder().decode(response.body));
  }
}
