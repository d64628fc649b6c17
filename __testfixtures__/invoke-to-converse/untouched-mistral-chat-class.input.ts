import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

export class MistralChat {
  private client = new BedrockRuntimeClient({ region: "eu-west-3" });

  constructor(private modelId = "mistral.mistral-large-2402-v1:0") {}

  async reply(messages: Array<{ role: string; content: string }>): Promise<string> {
    const response = await this.client.send(
      new InvokeModelCommand({
        modelId: this.modelId,
        body: JSON.stringify({ messages, max_tokens: 512, temperature: 0.4 }),
      }),
    );
    const json = JSON.parse(new TextDecoder().decode(response.body));
    return json.choices[0].message.content;
  }
}
