import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function legacyComplete(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "global.anthropic.claude-opus-4-6-v1",
      contentType: "application/json",
      // TODO(bedrock-claude-codemod): Claude Opus 4.6 accepts temperature or top_p, not both (400 when both are set): kept temperature, removed top_p
      body: JSON.stringify({
        prompt: `\n\nHuman: ${question}\n\nAssistant:`,
        max_tokens_to_sample: 300,
        temperature: 0.5,
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).completion;
}
