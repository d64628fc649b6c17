import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function answer(modelId: string, question: string): Promise<string> {
  if (modelId.startsWith("anthropic.") || modelId.includes(".anthropic.")) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId,
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 512,
          messages: [{ role: "user", content: question }],
        }),
      }),
    );
    const data = JSON.parse(new TextDecoder().decode(response.body));
    return data.content[0].text;
  }
  throw new Error(`unsupported model ${modelId}`);
}
