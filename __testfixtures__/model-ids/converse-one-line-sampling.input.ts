import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

/** Rewrites a product description in a friendlier tone. */
export async function rewrite(text: string): Promise<string | undefined> {
  const input: ConverseCommandInput = {
    modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
    messages: [{ role: "user", content: [{ text: `Rewrite in a friendly tone:\n${text}` }] }],
    inferenceConfig: { maxTokens: 200, temperature: 0.7, topP: 0.9 },
  };
  const out = await client.send(new ConverseCommand(input));
  return out.output?.message?.content?.[0]?.text;
}
