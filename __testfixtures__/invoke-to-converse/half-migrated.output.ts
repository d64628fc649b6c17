import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-5-haiku-20241022-v1:0";

// Already moved to Converse.
export async function greet(name: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: `Greet ${name}` }] }],
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? "";
}

// Still on InvokeModel.
export async function farewell(name: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [
        { role: "user", content: [{ text: `Say goodbye to ${name}` }] },
      ],
      inferenceConfig: { maxTokens: 50 },
    }),
  );
  return response.output!.message!.content![0].text!;
}
