import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

type Geo = "us" | "eu";

const geo: Geo = process.env.AWS_REGION?.startsWith("eu-") ? "eu" : "us";
const client = new BedrockRuntimeClient({});

// Haiku 4.5 has us and eu profiles, like 3.5 Haiku's us profile: safe to rewrite.
const haikuProfile = `${geo}.anthropic.claude-haiku-4-5-20251001-v1:0`;
// 3.5 Sonnet had an apac profile; Sonnet 4.6 has none, so the computed prefix may not exist.
// TODO(bedrock-claude-codemod): the profile prefix is computed at run time; Claude Sonnet 4.6 has no documented apac profile, so this ID was not changed
const sonnetProfile = `${geo}.anthropic.claude-3-5-sonnet-20240620-v1:0`;
const plain = `global.anthropic.claude-sonnet-4-6`;

export async function ask(question: string, deep = false) {
  const res = await client.send(
    new ConverseCommand({
      modelId: deep ? sonnetProfile : haikuProfile,
      messages: [{ role: "user", content: [{ text: question }] }],
    }),
  );
  return { text: res.output?.message?.content?.[0]?.text, fallback: plain };
}
