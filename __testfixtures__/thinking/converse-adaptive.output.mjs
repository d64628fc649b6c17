import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-west-1" });

export async function planTrip(request) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "eu.anthropic.claude-opus-4-6-v1",
      system: [{ text: "You are a travel planner." }],
      messages: [{ role: "user", content: [{ text: request }] }],
      inferenceConfig: { maxTokens: 2000 },
      additionalModelRequestFields: { thinking: { type: "adaptive" } },
    })
  );
  return response.output?.message?.content?.find((block) => "text" in block)?.text ?? "";
}
