import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

export class NovaSummarizer {
  private readonly client = new BedrockRuntimeClient({});
  private readonly modelId = "us.amazon.nova-lite-v1:0";

  async summarize(text: string): Promise<string> {
    const request = {
      schemaVersion: "messages-v1",
      messages: [{ role: "user", content: [{ text: `Summarize:\n${text}` }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.2 },
    };
    const response = await this.client.send(
      new InvokeModelCommand({ modelId: this.modelId, body: JSON.stringify(request) }),
    );
    const decoded = JSON.parse(new TextDecoder().decode(response.body));
    return decoded.output.message.content[0].text;
  }
}
