import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function maybeAnswer(question: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return response?.output?.message?.content?.[0]?.text ?? "(no answer)";
}
