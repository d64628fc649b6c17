import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function answer(modelId: string, question: string): Promise<string> {
  if (modelId.startsWith("anthropic.") || modelId.includes(".anthropic.")) {
    const response = await client.send(
      new ConverseCommand({
        modelId,
        messages: [{ role: "user", content: [{ text: question }] }],
        inferenceConfig: { maxTokens: 512 },
      }),
    );
    return response.output!.message!.content![0].text!;
  }
  throw new Error(`unsupported model ${modelId}`);
}
