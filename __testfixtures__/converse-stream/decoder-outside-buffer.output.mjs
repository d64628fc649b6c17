import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function translate(text, language) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: [{ text }] }],
      system: [
        {
          text: `Translate the user's text into ${language}. Reply with the translation only.`,
        },
      ],
      inferenceConfig: { maxTokens: 1000, temperature: 0 },
    }),
  );
  const out = [];
  let inputTokens = 0;
  let outputTokens = 0;
  for await (const part of response.stream) {
    if (part.contentBlockDelta) {
      out.push(part.contentBlockDelta.delta.text);
    } else if (part.metadata) {
      inputTokens = part.metadata.usage.inputTokens;
      outputTokens = part.metadata.usage.outputTokens;
    }
  }
  return { translation: out.join(''), inputTokens, outputTokens };
}
