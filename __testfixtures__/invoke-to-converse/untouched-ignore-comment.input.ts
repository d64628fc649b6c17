import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function pinned(question: string): Promise<string> {
  // bedrock-claude-codemod-ignore: this endpoint must stay on InvokeModel until the proxy is upgraded
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}
