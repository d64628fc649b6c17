import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

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
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 40,
        messages: [{ role: "user", content: `Write a headline for:\n${article}` }],
      }),
    }),
  );
  const result: ClaudeResponse = JSON.parse(new TextDecoder().decode(response.body));
  const headline = result.content.map((block: ClaudeTextBlock) => block.text).join("");
  return { headline, tokens: result.usage.input_tokens + result.usage.output_tokens };
}
