import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function tagline(product: string): Promise<{ text: string; tokens: number }> {
  const command = new InvokeModelCommand({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 60,
      messages: [{ role: "user", content: `Write a tagline for ${product}.` }],
    }),
  });
  return client.send(command).then((res) => {
    const data = JSON.parse(new TextDecoder().decode(res.body));
    return { text: data.content[0].text as string, tokens: data.usage.output_tokens as number };
  });
}
