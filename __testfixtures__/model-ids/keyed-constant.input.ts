import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
const SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0";

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
