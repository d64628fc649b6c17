import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const MODEL_ID = "anthropic.claude-3-5-haiku-20241022-v1:0";

export class TutorChat {
  #client = new BedrockRuntimeClient({ region: "us-east-1" });
  #history = [];

  constructor(subject) {
    this.subject = subject;
  }

  async send(text) {
    this.#history.push({ role: "user", content: text });

    const response = await this.#client.send(
      new InvokeModelCommand({
        modelId: MODEL_ID,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 700,
          system: `You are a patient ${this.subject} tutor. Ask one question back at a time.`,
          messages: this.#history,
        }),
      }),
    );
    const reply = JSON.parse(new TextDecoder().decode(response.body));
    const answer = reply.content[0].text;
    this.#history.push({ role: "assistant", content: answer });
    return answer;
  }
}

export async function lesson(subject, questions) {
  const chat = new TutorChat(subject);
  const answers = [];
  for (const q of questions) answers.push(await chat.send(q));
  return answers;
}
