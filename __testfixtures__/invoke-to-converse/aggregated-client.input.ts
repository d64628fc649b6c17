import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "us-east-1" });

export async function generateTitle(body: string): Promise<{ title: string; stopReason: string }> {
  const response = await bedrock.invokeModel({
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 60,
      messages: [{ role: "user", content: `Suggest a title for this post:\n\n${body}` }],
    }),
  });
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return { title: result.content[0].text, stopReason: result.stop_reason };
}
