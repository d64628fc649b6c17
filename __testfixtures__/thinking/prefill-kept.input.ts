import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function toJson(text: string): Promise<unknown> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 4096,
        messages: [
          { role: "user", content: `Convert to JSON: ${text}` },
          { role: "assistant", content: "{" },
        ],
      }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  return JSON.parse("{" + body.content[0].text);
}
