import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function chat(turns: string[]): Promise<string[]> {
  const history: Message[] = [];
  const answers: string[] = [];
  for (const turn of turns) {
    history.push({ role: "user", content: [{ text: turn }] });
    const response = await client.send(
      new ConverseCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        messages: history,
        system: [{ text: "You are a friendly tutor." }],
        inferenceConfig: { maxTokens: 500 },
      }),
    );
    const text: string = response.output!.message!.content![0].text!;
    history.push({ role: "assistant", content: [{ text }] });
    answers.push(text);
  }
  return answers;
}
