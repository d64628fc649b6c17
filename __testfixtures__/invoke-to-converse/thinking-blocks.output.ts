import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function reason(question: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 3000 },
      additionalModelRequestFields: {
        thinking: { type: "enabled", budget_tokens: 1024 },
      },
    }),
  );
  let thoughts = "";
  let answer = "";
  for (const block of response.output!.message!.content!) {
    if (block.reasoningContent?.reasoningText !== undefined) thoughts += block.reasoningContent!.reasoningText!.text!;
    else if (block.text !== undefined) answer += block.text!;
  }
  return { thoughts, answer, outputTokens: response.usage!.outputTokens! };
}
