import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const accountId = process.env.AWS_ACCOUNT_ID ?? "123456789012";
const region = "eu-west-1";
const client = new BedrockRuntimeClient({ region });

const PROFILE_ARN =
  "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-6";
const computedArn = `arn:aws:bedrock:${region}:${accountId}:inference-profile/eu.anthropic.claude-sonnet-4-6`;
// TODO(bedrock-claude-codemod): Claude Haiku 4.5 has no documented "apac" inference profile; choose a profile by hand
const apacArn = "arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/apac.anthropic.claude-3-haiku-20240307-v1:0";

export async function reply(text: string, which: "main" | "computed" | "apac" = "main") {
  const modelId = which === "main" ? PROFILE_ARN : which === "computed" ? computedArn : apacArn;
  const res = await client.send(
    new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text }] }] }),
  );
  return res.output?.message?.content?.[0]?.text ?? "";
}
