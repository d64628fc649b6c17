import * as bedrock from "@aws-sdk/client-bedrock-runtime";

const runtime = new bedrock.BedrockRuntimeClient({ region: "eu-central-1" });

export async function haiku(topic: string): Promise<string> {
  const output = await runtime.send(
    new bedrock.InvokeModelCommand({
      modelId: "eu.anthropic.claude-3-5-sonnet-20240620-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 200,
        messages: [{ role: "user", content: `Write a haiku about ${topic}.` }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(output.body));
  return message.content[0].text;
}
