import type {
  InvokeModelWithResponseStreamCommandInput,
  InvokeModelWithResponseStreamCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Lambda-style handler: streams a translation and reports usage from the invocation metrics. */
export async function translate(text: string, language: string): Promise<{ translation: string; usage: Usage }> {
  const input: InvokeModelWithResponseStreamCommandInput = {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    contentType: 'application/json',
    accept: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 600,
      top_k: 50,
      system: `Translate the user's text to ${language}. Reply with the translation only.`,
      messages: [{ role: 'user', content: text }],
    }),
  };
  const command = new InvokeModelWithResponseStreamCommand(input);
  const response: InvokeModelWithResponseStreamCommandOutput = await client.send(command);
  if (!response.body) {
    throw new Error('no response stream');
  }

  let translation = '';
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  const decoder = new TextDecoder();
  for await (const part of response.body) {
    if (part.modelStreamErrorException) throw part.modelStreamErrorException;
    const bytes = part.chunk?.bytes;
    if (!bytes) continue;
    const event = JSON.parse(decoder.decode(bytes));
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      translation += event.delta.text;
    }
    if (event.type === 'message_stop') {
      usage.inputTokens = event['amazon-bedrock-invocationMetrics'].inputTokenCount;
      usage.outputTokens = event['amazon-bedrock-invocationMetrics'].outputTokenCount;
    }
  }
  return { translation, usage };
}
