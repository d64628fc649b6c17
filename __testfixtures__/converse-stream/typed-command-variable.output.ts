import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandOutput,
  type ConverseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Lambda-style handler: streams a translation and reports usage from the invocation metrics. */
export async function translate(text: string, language: string): Promise<{ translation: string; usage: Usage }> {
  const input: ConverseStreamCommandInput = {
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    messages: [{ role: 'user', content: [{ text }] }],
    system: [
      {
        text: `Translate the user's text to ${language}. Reply with the translation only.`,
      },
    ],
    inferenceConfig: { maxTokens: 600 },
    additionalModelRequestFields: { top_k: 50 },
  };
  const command = new ConverseStreamCommand(input);
  const response: ConverseStreamCommandOutput = await client.send(command);
  if (!response.stream) {
    throw new Error('no response stream');
  }

  let translation = '';
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  for await (const part of response.stream) {
    if (part.modelStreamErrorException) throw part.modelStreamErrorException;

    if (part.contentBlockDelta?.delta?.text !== undefined) {
      translation += part.contentBlockDelta.delta.text;
    } else if (part.metadata) {
      usage.inputTokens = part.metadata.usage!.inputTokens!;
      usage.outputTokens = part.metadata.usage!.outputTokens!;
    }
  }
  return { translation, usage };
}
