import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// bedrock-claude-codemod-ignore: the evaluation suite pins the exact model it was scored on
export const EVAL_MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
export const PROD_MODEL = "global.anthropic.claude-sonnet-4-6";

export async function run(text: string, evaluation = false) {
  const res = await client.send(
    new ConverseCommand({
      modelId: evaluation ? EVAL_MODEL : PROD_MODEL,
      messages: [{ role: "user", content: [{ text }] }],
    }),
  );
  return res.output?.message?.content?.[0]?.text;
}
