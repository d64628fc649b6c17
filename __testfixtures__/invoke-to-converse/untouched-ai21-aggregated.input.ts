import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const runtime = new BedrockRuntime({ region: "us-east-1" });

export async function draft(prompt: string): Promise<string> {
  const response = await runtime.invokeModel({
    modelId: "ai21.j2-ultra-v1",
    contentType: "application/json",
    body: JSON.stringify({ prompt, maxTokens: 200, temperature: 0.7, topP: 1 }),
  });
  return JSON.parse(new TextDecoder().decode(response.body)).completions[0].data.text;
}
