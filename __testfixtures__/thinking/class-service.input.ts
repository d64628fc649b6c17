import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const SONNET = "global.anthropic.claude-sonnet-4-6";

export class ReportWriter {
  private readonly bedrock = new BedrockRuntime({ region: "us-east-1" });

  async write(data: string): Promise<string> {
    const output = await this.bedrock.converse({
      modelId: SONNET,
      system: [{ text: "Write a one-paragraph report." }],
      messages: [{ role: "user", content: [{ text: data }] }],
      inferenceConfig: { maxTokens: 3000 },
      additionalModelRequestFields: { top_k: 20 },
    });
    return output.output!.message!.content![0]!.text!;
  }
}

export function writeReport(data: string): Promise<string> {
  return new ReportWriter().write(data);
}
