import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { bedrock, CHAT_MODEL, chatPayload } from './bedrock';

export class ChatSession {
  private readonly answers: string[] = [];

  constructor(private readonly context: string) {}

  async ask(question: string): Promise<string> {
    const output = await bedrock.send(
      new ConverseCommand({
        modelId: CHAT_MODEL,
        ...chatPayload(question, this.context),
      }),
    );
    const text: string = output.output!.message!.content![0].text!;
    this.answers.push(text);
    return text;
  }

  get history(): readonly string[] {
    return this.answers;
  }
}

export async function runChat(context: string, question: string) {
  const session = new ChatSession(context);
  const answer = await session.ask(question);
  return { answer, turns: session.history.length };
}
