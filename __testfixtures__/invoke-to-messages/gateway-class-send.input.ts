import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** One service for every text model the team uses on Bedrock; the model comes from configuration. */
export class BedrockChatService {
  private readonly client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

  constructor(private readonly modelId: string) {}

  private isClaude(): boolean {
    return this.modelId.startsWith('anthropic.') || this.modelId.includes('.anthropic.');
  }

  private buildBody(turns: ChatTurn[], maxTokens: number): string {
    if (this.isClaude()) {
      return JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: maxTokens,
        system: 'Answer in one short sentence.',
        messages: turns.map((t) => ({ role: t.role, content: t.text })),
      });
    }
    const transcript = turns.map((t) => `${t.role === 'user' ? 'User' : 'Bot'}: ${t.text}`).join('\n');
    if (this.modelId.startsWith('meta.')) {
      return JSON.stringify({ prompt: `${transcript}\nBot:`, max_gen_len: maxTokens });
    }
    return JSON.stringify({ inputText: transcript, textGenerationConfig: { maxTokenCount: maxTokens } });
  }

  private readText(payload: any): string {
    if (this.isClaude()) return payload.content.map((block: { text?: string }) => block.text ?? '').join('');
    if (this.modelId.startsWith('meta.')) return payload.generation;
    return payload.results[0].outputText;
  }

  async chat(turns: ChatTurn[], maxTokens = 512): Promise<{ text: string; status?: number }> {
    const response = await this.client.send(
      new InvokeModelCommand({
        modelId: this.modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: this.buildBody(turns, maxTokens),
      }),
    );
    const payload = JSON.parse(new TextDecoder().decode(response.body));
    return { text: this.readText(payload), status: response.$metadata.httpStatusCode };
  }
}

export async function ask(modelId: string, question: string): Promise<{ text: string; status?: number }> {
  return new BedrockChatService(modelId).chat([{ role: 'user', text: question }]);
}
