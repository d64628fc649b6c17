import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

interface ClaudeTextBlock {
  type: "text";
  text: string;
}

interface ClaudeResponse {
  content: ClaudeTextBlock[];
  stop_reason: string;
  usage: { input_tokens: number; output_tokens: number };
}

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function headline(article: string): Promise<{ headline: string; tokens: number }> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        {
          role: "user",
          content: [{ text: `Write a headline for:\n${article}` }],
        },
      ],
      inferenceConfig: { maxTokens: 40 },
    }),
  );
  const headline = response.output!.message!.content!.map((block) => block.text!).join("");
  return { headline, tokens: response.usage!.inputTokens! + response.usage!.outputTokens! };
}
