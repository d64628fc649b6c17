import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

type Turn = { role: "user" | "assistant"; content: string };

export async function interview(questions: string[]): Promise<string[]> {
  const transcript: Turn[] = [];
  const answers: string[] = [];
  for (const question of questions) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        body: JSON.stringify(
          {
            anthropic_version: "bedrock-2023-05-31",
            max_tokens: 200,
            system: "You are a candidate in a job interview. Answer briefly.",
            messages: [...transcript, { role: "user", content: question }],
          },
          null,
          2,
        ),
      }),
    );
    const result = JSON.parse(new TextDecoder().decode(response.body));
    const answer: string = result.content[0].text;
    transcript.push({ role: "user", content: question }, { role: "assistant", content: answer });
    answers.push(answer);
  }
  return answers;
}
