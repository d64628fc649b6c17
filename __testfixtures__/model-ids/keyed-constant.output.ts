import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

// TODO(bedrock-claude-codemod): HAIKU also keys data about anthropic.claude-3-haiku-20240307-v1:0: add an entry for Claude Haiku 4.5, then switch
const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const SONNET = "global.anthropic.claude-sonnet-4-6";

// Prices per million input tokens, keyed by the constants.
const INPUT_PRICE: Record<string, number> = {
  [HAIKU]: 0.25,
};

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(text: string, cheap: boolean) {
  const modelId = cheap ? HAIKU : SONNET;
  const res = await client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text }] }] }));
  return { text: res.output?.message?.content?.[0]?.text, price: INPUT_PRICE[modelId] };
}
