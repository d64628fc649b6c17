import { readFile } from "node:fs/promises";
import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function describeImage(imageBase64: string, question = "What is in this picture?"): Promise<string> {
  const payload = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 1000,
    messages: [
      {
        role: "user",
        content: [
          {
            type: "image",
            source: { type: "base64", media_type: "image/png", data: imageBase64 },
          },
          { type: "text", text: question },
        ],
      },
    ],
  };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify(payload),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}

export async function describeFile(path: string): Promise<string> {
  const data = await readFile(path);
  return describeImage(data.toString("base64"));
}
