import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

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
      new InvokeModelCommand({
        modelId: this.modelId,
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 400,
          system: `Summarize the document in ${bullets} bullet points.`,
          messages: [{ role: "user", content: [{ type: "text", text: document }] }],
        }),
      })
    );
    const message = JSON.parse(new TextDecoder().decode(response.body));
    this.totalUsage.inputTokens += message.usage.input_tokens;
    this.totalUsage.outputTokens += message.usage.output_tokens;
    this.lastStopReason = message.stop_reason;
    return message.content[0].text;
  }
}

export async function summarizeTwice(a: string, b: string) {
  const s = new Summarizer();
  const first = await s.summarize(a);
  const second = await s.summarize(b, 2);
  return { first, second, usage: s.totalUsage, stop: s.lastStopReason };
}
