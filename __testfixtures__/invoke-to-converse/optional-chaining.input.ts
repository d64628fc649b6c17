import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function maybeAnswer(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 200,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result?.content?.[0]?.text ?? "(no answer)";
}
