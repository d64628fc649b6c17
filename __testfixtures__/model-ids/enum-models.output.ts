import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

export enum ClaudeModel {
  Haiku = "global.anthropic.claude-haiku-4-5-20251001-v1:0",
  Sonnet = "global.anthropic.claude-sonnet-4-6",
  Opus = "global.anthropic.claude-opus-4-6-v1",
  Current = "anthropic.claude-haiku-4-5-20251001-v1:0",
}

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function run(model: ClaudeModel, prompt: string) {
  const res = await client.send(
    new ConverseCommand({ modelId: model, messages: [{ role: "user", content: [{ text: prompt }] }] }),
  );
  return res.output?.message?.content?.[0]?.text;
}

export const cheap = () => run(ClaudeModel.Haiku, "ping");
