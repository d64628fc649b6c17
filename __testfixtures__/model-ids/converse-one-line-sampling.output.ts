import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

/** Rewrites a product description in a friendlier tone. */
export async function rewrite(text: string): Promise<string | undefined> {
  const input: ConverseCommandInput = {
    modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    messages: [{ role: "user", content: [{ text: `Rewrite in a friendly tone:\n${text}` }] }],
    // TODO(bedrock-claude-codemod): Claude Haiku 4.5 accepts temperature or topP, not both (400 when both are set): kept temperature, removed topP
    inferenceConfig: { maxTokens: 200, temperature: 0.7 },
  };
  const out = await client.send(new ConverseCommand(input));
  return out.output?.message?.content?.[0]?.text;
}
