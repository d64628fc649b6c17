import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function chat(turns: string[]): Promise<string[]> {
  const history: { role: "user" | "assistant"; content: string }[] = [];
  const answers: string[] = [];
  for (const turn of turns) {
    history.push({ role: "user", content: turn });
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 500,
          system: "You are a friendly tutor.",
          messages: history,
        }),
      }),
    );
    const reply = JSON.parse(new TextDecoder().decode(response.body));
    const text: string = reply.content[0].text;
    history.push({ role: "assistant", content: text });
    answers.push(text);
  }
  return answers;
}
