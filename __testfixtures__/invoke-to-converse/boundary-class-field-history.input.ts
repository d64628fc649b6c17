import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

type Turn = { role: "user" | "assistant"; content: string };

export class SupportSession {
  private readonly client = new BedrockRuntimeClient({ region: "us-east-1" });
  history: Turn[] = [];

  constructor(private readonly customer: string) {}

  async send(text: string): Promise<string> {
    this.history.push({ role: "user", content: text });
    const response = await this.client.send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 500,
          system: `You help ${this.customer} with their account.`,
          messages: this.history,
        }),
      }),
    );
    const answer = JSON.parse(new TextDecoder().decode(response.body)).content[0].text as string;
    this.history.push({ role: "assistant", content: answer });
    return answer;
  }
}

export async function firstReply(customer: string, text: string): Promise<string> {
  return new SupportSession(customer).send(text);
}
