import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export class Summarizer {
  private readonly client: BedrockRuntimeClient;
  private readonly modelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  public totalUsage: Usage = { inputTokens: 0, outputTokens: 0 };
  public lastStopReason: string | undefined;

  constructor(region = "us-east-1") {
    this.client = new BedrockRuntimeClient({ region });
  }

  async summarize(document: string, bullets = 3): Promise<string> {
    const response = await this.client.send(
      new ConverseCommand({
        modelId: this.modelId,
        messages: [{ role: "user", content: [{ text: document }] }],
        system: [
          { text: `Summarize the document in ${bullets} bullet points.` },
        ],
        inferenceConfig: { maxTokens: 400 },
      })
    );
    this.totalUsage.inputTokens += response.usage!.inputTokens!;
    this.totalUsage.outputTokens += response.usage!.outputTokens!;
    this.lastStopReason = response.stopReason!;
    return response.output!.message!.content![0].text!;
  }
}

export async function summarizeTwice(a: string, b: string) {
  const s = new Summarizer();
  const first = await s.summarize(a);
  const second = await s.summarize(b, 2);
  return { first, second, usage: s.totalUsage, stop: s.lastStopReason };
}
