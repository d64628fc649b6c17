import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "us-east-1" });

export async function generateTitle(body: string): Promise<{ title: string; stopReason: string }> {
  const response = await bedrock.converse({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    messages: [
      {
        role: "user",
        content: [{ text: `Suggest a title for this post:\n\n${body}` }],
      },
    ],
    inferenceConfig: { maxTokens: 60 },
  });
  return { title: response.output!.message!.content![0].text!, stopReason: response.stopReason! };
}
