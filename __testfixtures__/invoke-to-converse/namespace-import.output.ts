import * as bedrock from "@aws-sdk/client-bedrock-runtime";

const runtime = new bedrock.BedrockRuntimeClient({ region: "eu-central-1" });

export async function haiku(topic: string): Promise<string> {
  const output = await runtime.send(
    new bedrock.ConverseCommand({
      modelId: "eu.anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [
        { role: "user", content: [{ text: `Write a haiku about ${topic}.` }] },
      ],
      inferenceConfig: { maxTokens: 200 },
    }),
  );
  return output.output!.message!.content![0].text!;
}
