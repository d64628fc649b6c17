import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

type Turn = { role: "user" | "assistant"; content: string };

export async function interview(questions: string[]): Promise<string[]> {
  const transcript: Message[] = [];
  const answers: string[] = [];
  for (const question of questions) {
    const response = await client.send(
      new ConverseCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        messages: [...transcript, { role: "user", content: [{ text: question }] }],
        system: [
          { text: "You are a candidate in a job interview. Answer briefly." },
        ],
        inferenceConfig: { maxTokens: 200 },
      }),
    );
    const answer: string = response.output!.message!.content![0].text!;
    transcript.push({ role: "user", content: [{ text: question }] }, { role: "assistant", content: [{ text: answer }] });
    answers.push(answer);
  }
  return answers;
}
