import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

interface Pricing {
  inputPer1k: number;
  outputPer1k: number;
}

// USD per 1,000 tokens, from the pricing page at the time.
export const PRICING: Record<string, Pricing> = {
  "anthropic.claude-3-haiku-20240307-v1:0": { inputPer1k: 0.00025, outputPer1k: 0.00125 },
  "anthropic.claude-3-5-sonnet-20240620-v1:0": { inputPer1k: 0.003, outputPer1k: 0.015 },
  "anthropic.claude-3-opus-20240229-v1:0": { inputPer1k: 0.015, outputPer1k: 0.075 },
};

export const DEFAULT_MODEL = "global.anthropic.claude-sonnet-4-6";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function costedAnswer(question: string, modelId: string = DEFAULT_MODEL) {
  const res = await client.send(
    new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: question }] }] }),
  );
  const price = PRICING[modelId];
  const usage = res.usage;
  const cost = price && usage ? (usage.inputTokens! * price.inputPer1k + usage.outputTokens! * price.outputPer1k) / 1000 : null;
  return { text: res.output?.message?.content?.[0]?.text, cost };
}
