import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function tagline(product: string): Promise<{ text: string; tokens: number }> {
  const command = new ConverseCommand({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    messages: [
      { role: "user", content: [{ text: `Write a tagline for ${product}.` }] },
    ],
    inferenceConfig: { maxTokens: 60 },
  });
  return client.send(command).then((res) => {
    return { text: res.output!.message!.content![0].text! as string, tokens: res.usage!.outputTokens! as number };
  });
}
