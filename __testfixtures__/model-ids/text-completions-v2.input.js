import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function legacyComplete(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-v2:1",
      contentType: "application/json",
      body: JSON.stringify({
        prompt: `\n\nHuman: ${question}\n\nAssistant:`,
        max_tokens_to_sample: 300,
        temperature: 0.5,
        top_p: 0.9,
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).completion;
}
