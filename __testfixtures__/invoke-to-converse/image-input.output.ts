import { readFile } from "node:fs/promises";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function describeImage(imageBase64: string, question = "What is in this picture?"): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
      messages: [
        {
          role: "user",
          content: [
            {
              image: {
                format: "png",
                source: { bytes: Buffer.from(imageBase64, "base64") },
              },
            },
            { text: question },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 1000 },
    }),
  );
  return response.output!.message!.content![0].text!;
}

export async function describeFile(path: string): Promise<string> {
  const data = await readFile(path);
  return describeImage(data.toString("base64"));
}
