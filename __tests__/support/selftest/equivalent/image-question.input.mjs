import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntime({ region: process.env.AWS_REGION });

export const describeImage = async (base64Png, question) => {
  const { body } = await bedrock.invokeModel({
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1000,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: base64Png } },
            { type: 'text', text: question },
          ],
        },
      ],
    }),
  });
  const { content, usage } = JSON.parse(new TextDecoder().decode(body));
  return { answer: content.map((c) => c.text).join('\n'), tokens: usage.input_tokens + usage.output_tokens };
};
