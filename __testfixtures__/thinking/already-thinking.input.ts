import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function solve(problem: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      messages: [{ role: "user", content: [{ text: problem }] }],
      inferenceConfig: { maxTokens: 16000 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 8000 } },
    }),
  );
  return response.output!.message!.content!.find((block) => block.text !== undefined)!.text!;
}
