import * as bedrock from "@aws-sdk/client-bedrock-runtime";

const client = new bedrock.BedrockRuntimeClient({ region: "eu-central-1" });

export class Summarizer {
  private readonly modelId = "eu.anthropic.claude-3-5-sonnet-20240620-v1:0";

  async summarize(text: string): Promise<string> {
    const res = await client.send(
      new bedrock.ConverseCommand({
        modelId: this.modelId,
        messages: [{ role: "user", content: [{ text }] }],
      }),
    );
    return res.output?.message?.content?.[0]?.text ?? "";
  }
}
