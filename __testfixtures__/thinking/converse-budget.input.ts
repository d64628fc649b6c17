import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function explain(topic: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      messages: [{ role: "user", content: [{ text: `Explain ${topic} to a new engineer.` }] }],
      inferenceConfig: { maxTokens: 1024, temperature: 0.7 },
    }),
  );
  return response.output!.message!.content![0].text!;
}
