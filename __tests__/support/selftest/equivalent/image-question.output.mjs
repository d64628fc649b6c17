import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntime({ region: process.env.AWS_REGION });

export const describeImage = async (base64Png, question) => {
  const { output, usage } = await bedrock.converse({
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    inferenceConfig: { maxTokens: 1000 },
    messages: [
      {
        role: 'user',
        content: [
          { image: { format: 'png', source: { bytes: Buffer.from(base64Png, 'base64') } } },
          { text: question },
        ],
      },
    ],
  });
  return { answer: output.message.content.map((c) => c.text).join('\n'), tokens: usage.inputTokens + usage.outputTokens };
};
